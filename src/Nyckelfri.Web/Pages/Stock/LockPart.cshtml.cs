using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.History;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>
/// One client's original lock parts: move them to another location, or return them to the door.
/// The client page's return form posts here too and comes back with <c>returnUrl</c>.
/// </summary>
[Authorize(Policy = Policies.DevicesWrite)]
public sealed class LockPartModel(GetOriginalLockPart get, GetHistory history, ListStockLocations locations,
    MoveOriginalLockPart move, ReturnOriginalLockPart returnPart, TimeProvider clock) : NyckelfriPageModel
{
    [BindProperty] public MoveOriginalLockPart.Command Move { get; set; } = new();
    [BindProperty] public ReturnOriginalLockPart.Command Return { get; set; } = new();
    public GetOriginalLockPart.Details Part { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Move = NewMove();
        Return = NewReturn();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? returnUrl, CancellationToken ct)
    {
        await Load(id, ct);
        Return = NewReturn();
        return await Attempt(async () =>
        {
            await move.Handle(id, Move, ct);
            StatusMessage = "Låsdelarna är flyttade.";
            return Back(id, returnUrl);
        }, prefix: nameof(Move));
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, string? returnUrl, CancellationToken ct)
    {
        await Load(id, ct);
        Move = NewMove();
        return await Attempt(async () =>
        {
            await returnPart.Handle(id, Return, ct);
            StatusMessage = "Låsdelarna är återlämnade.";
            return Back(id, returnUrl);
        }, prefix: nameof(Return));
    }

    // The form not posted is shown again as it was first offered.
    private MoveOriginalLockPart.Command NewMove() => new() { Version = Part.Version, StockLocationId = Part.StockLocationId };
    private ReturnOriginalLockPart.Command NewReturn() => new() { Version = Part.Version, ReturnedOn = clock.Today() };

    private IActionResult Back(Guid id, string? returnUrl) =>
        Redirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Lager/Originaldelar/{id}");

    private async Task Load(Guid id, CancellationToken ct)
    {
        Part = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        Locations = await locations.Handle(ct);
    }
}
