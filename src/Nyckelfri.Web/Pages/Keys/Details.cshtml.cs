using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.History;
using Nyckelfri.Keys;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Keys;

/// <summary>
/// One key set: who holds it, its receipts and its history, and the changes of hands its status allows
/// (transfer, return to the client, report lost, hand out again). Each change but a loss ends on the
/// new receipt, ready to print.
/// </summary>
[Authorize(Policy = Policies.KeysRead)]
public sealed class DetailsModel(GetKeySet get, GetHistory history, KeyHolderUnits units, TimeProvider clock,
    TransferKeySet transfer, ReturnKeySet giveBack, ReportKeySetLost reportLost, HandOutKeySetAgain handOutAgain) : NyckelfriPageModel
{
    [BindProperty] public TransferKeySet.Command TransferInput { get; set; } = new();
    [BindProperty] public ReturnKeySet.Command ReturnInput { get; set; } = new();
    [BindProperty] public ReportKeySetLost.Command LostInput { get; set; } = new();
    [BindProperty] public HandOutKeySetAgain.Command AgainInput { get; set; } = new();

    public GetKeySet.Details Set { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> TransferUnits { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> HandOutUnits { get; private set; } = [];
    public bool CanWrite => Can(Policies.KeysWrite);

    /// <summary>The form that was posted and came back with errors: shown open.</summary>
    public string? OpenForm { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        var today = clock.Today();
        TransferInput = new() { Version = Set.Version, Date = today };
        ReturnInput = new() { Version = Set.Version, Date = today, ReceiverName = Set.ClientName };
        LostInput = new() { Version = Set.Version };
        AgainInput = new() { Version = Set.Version, Date = today, GiverName = Set.ClientName };
    }

    public Task<IActionResult> OnPostTransferAsync(Guid id, CancellationToken ct) =>
        Change(id, nameof(TransferInput), async () => await transfer.Handle(id, TransferInput, ct),
            "Överlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Change(id, nameof(ReturnInput), async () => await giveBack.Handle(id, ReturnInput, ct),
            "Återlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostAgainAsync(Guid id, CancellationToken ct) =>
        Change(id, nameof(AgainInput), async () => await handOutAgain.Handle(id, AgainInput, ct),
            "Utlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostLostAsync(Guid id, CancellationToken ct) =>
        Change(id, nameof(LostInput), async () =>
        {
            await reportLost.Handle(id, LostInput, ct);
            return null;
        }, "Nyckeluppsättningen är anmäld förlorad. Informera brukaren; låscylindern kan behöva bytas.", ct);

    /// <summary>Runs one change; on success shows the new receipt (or, for a loss, the set again).</summary>
    private async Task<IActionResult> Change(Guid id, string form, Func<Task<Guid?>> action, string done, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await Load(id, ct);
        OpenForm = form;
        return await Attempt(async () =>
        {
            var receiptId = await action();
            StatusMessage = done;
            return Redirect(receiptId is null ? $"/Nycklar/{id}" : $"/Nycklar/Kvittens/{receiptId}");
        }, prefix: form);
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Set = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        if (!CanWrite) return;
        TransferUnits = (await units.ForTransfer(ct)).Where(u => u.Id != Set.HolderUnitId).ToList();
        HandOutUnits = await units.ForHandOut(ct);
    }
}
