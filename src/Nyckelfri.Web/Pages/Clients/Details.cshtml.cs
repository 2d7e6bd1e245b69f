using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nyckelfri.Clients;
using Nyckelfri.History;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Clients;

/// <summary>
/// The client's record page. Personnummer and door code are masked; revealing either is a POST that
/// is recorded in the history before the value is shown, and the value is never put in a URL.
/// </summary>
[Authorize(Policy = Policies.ClientsRead)]
[EnableRateLimiting(RateLimits.Reveal)]
public sealed class DetailsModel(GetClient get, GetHistory history, RevealClientSecret reveal, TimeProvider clock) : NyckelfriPageModel
{
    public GetClient.Details Client { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public string? RevealedDoorCode { get; private set; }
    public string? RevealedNumber { get; private set; }
    public DateOnly Today => Nyckelfri.Common.SwedishTime.Today(clock);
    public bool CanEdit => Can(Policies.ClientsWrite);
    public bool CanEditServices => Can(Policies.ServicesWrite);
    public bool CanRevealDoorCode => Can(Policies.DoorCodeReveal);
    public bool CanRevealNumber => Can(Policies.PersonalIdentityNumberReveal);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostRevealDoorCodeAsync(Guid id, CancellationToken ct)
    {
        if (!CanRevealDoorCode) return Forbid();
        RevealedDoorCode = await reveal.DoorCode(id, ct) ?? "";
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealNumberAsync(Guid id, CancellationToken ct)
    {
        if (!CanRevealNumber) return Forbid();
        RevealedNumber = await reveal.PersonalIdentityNumber(id, ct);
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Client = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
