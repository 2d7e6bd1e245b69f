using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>The printable receipt for a digital key or a 2-factor device: one A4 page with signature lines for both parties.</summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class ReceiptModel(GetDigitalKeyReceipt get) : NyckelfriPageModel
{
    public GetDigitalKeyReceipt.Printable Receipt { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Receipt = await get.Handle(id, ct);
}
