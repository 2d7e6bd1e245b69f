using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Keys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Keys;

/// <summary>The printable key receipt (nyckelkvittens): one A4 page with signature lines for both parties.</summary>
[Authorize(Policy = Policies.KeysRead)]
public sealed class ReceiptModel(GetKeyReceipt get) : NyckelfriPageModel
{
    public GetKeyReceipt.Printable Receipt { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Receipt = await get.Handle(id, ct);
}
