using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.History;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>
/// One digital key: who has it or which shelf it is on, its receipts and history, and the actions its
/// status allows. A hand-out or a return ends on the new receipt, ready to print; a block is immediate
/// and final.
/// </summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class DetailsModel(GetDigitalKey get, GetHistory history, DigitalKeyLookup lookup, TimeProvider clock,
    RequestEnrolmentChallenge challenges) : NyckelfriPageModel
{
    [BindProperty] public MakeDigitalKeyReady.Command ReadyInput { get; set; } = new();
    [BindProperty] public IssueDigitalKey.Command IssueInput { get; set; } = new();
    [BindProperty] public ReturnDigitalKey.Command ReturnInput { get; set; } = new();
    [BindProperty] public KeepDigitalKeyAt.Command KeepInput { get; set; } = new();
    [BindProperty] public MoveDigitalKey.Command MoveInput { get; set; } = new();
    [BindProperty] public RetireDigitalKey.Command RetireInput { get; set; } = new();
    [BindProperty] public BlockDigitalKey.Command BlockInput { get; set; } = new();

    public GetDigitalKey.Details Key { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<DigitalKeyLookup.EmployeeOption> Employees { get; private set; } = [];
    public bool CanWrite => Can(Policies.DigitalKeysWrite);
    public bool CanBlock => Can(Policies.DigitalKeysBlock);
    public bool IsAlarmCentre => KeyRoles.IsAlarmCentre(User);
    public bool CanSeeStaff => Can(Policies.StaffRead);

    /// <summary>The challenge an ordered app key or fob's device signs when the key is made ready.</summary>
    public EnrolmentProofView ReadyProof { get; private set; } = new(nameof(ReadyInput), null);

    /// <summary>The form that was posted and came back with errors: shown open.</summary>
    public string? OpenForm { get; private set; }

    public bool Offers(DigitalKeyAction action) => Key.AllowedActions.Contains(action) && action switch
    {
        DigitalKeyAction.Block => CanBlock,
        DigitalKeyAction.MakeReady or DigitalKeyAction.Retire => IsAlarmCentre,
        _ => CanWrite,
    };

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        var today = clock.Today();
        ReadyInput = new() { Version = Key.Version };
        IssueInput = new() { Version = Key.Version, Date = today, EmployeeId = Key.EmployeeId, ReceiverName = Key.EmployeeName, GiverName = User.FindFirst(Nyckelfri.Web.Security.NyckelfriClaims.DisplayName)?.Value };
        ReturnInput = new() { Version = Key.Version, Date = today, GiverName = Key.EmployeeName, Stock = Key.Stock };
        KeepInput = new() { Version = Key.Version, KeptAt = Key.KeptAt };
        MoveInput = new() { Version = Key.Version, Stock = Key.Stock == KeyStock.AlarmCentre ? KeyStock.StaffingUnit : KeyStock.AlarmCentre };
        RetireInput = new() { Version = Key.Version };
    }

    public Task<IActionResult> OnPostReadyAsync(Guid id, [FromServices] MakeDigitalKeyReady handler, CancellationToken ct) =>
        Change(id, nameof(ReadyInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, ReadyInput, ct); return null; },
            "Nyckeln är färdigställd och ligger i lager för medarbetaren.", ct);

    public Task<IActionResult> OnPostIssueAsync(Guid id, [FromServices] IssueDigitalKey handler, CancellationToken ct) =>
        Change(id, nameof(IssueInput), Policies.DigitalKeysWrite, async () => await handler.Handle(id, IssueInput, ct),
            "Utlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, [FromServices] ReturnDigitalKey handler, CancellationToken ct) =>
        Change(id, nameof(ReturnInput), Policies.DigitalKeysWrite, async () => await handler.Handle(id, ReturnInput, ct),
            "Återlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostKeepAsync(Guid id, [FromServices] KeepDigitalKeyAt handler, CancellationToken ct) =>
        Change(id, nameof(KeepInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, KeepInput, ct); return null; },
            "Förvaringsplatsen är sparad.", ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, [FromServices] MoveDigitalKey handler, CancellationToken ct) =>
        Change(id, nameof(MoveInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, MoveInput, ct); return null; },
            "Nyckeln är flyttad.", ct);

    public Task<IActionResult> OnPostRetireAsync(Guid id, [FromServices] RetireDigitalKey handler, CancellationToken ct) =>
        Change(id, nameof(RetireInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, RetireInput, ct); return null; },
            "Nyckeln är tagen ur bruk.", ct);

    public Task<IActionResult> OnPostBlockAsync(Guid id, [FromServices] BlockDigitalKey handler, CancellationToken ct) =>
        Change(id, nameof(BlockInput), Policies.DigitalKeysBlock, async () => { await handler.Handle(id, BlockInput, ct); return null; },
            "Nyckeln är spärrad. Servern lämnar inte ut fler behörigheter till den, och låsen får den nya spärrlistan med nästa telefon som kommer dit.", ct);

    /// <summary>Runs one change; on success shows the new receipt (or the key again).</summary>
    private Task<IActionResult> Change(Guid id, string form, string policy, Func<Task<Guid?>> action, string done, CancellationToken ct)
    {
        OpenForm = form;
        return AttemptForm(policy, form,
            async () => await action() is { } receiptId ? $"/Nycklar/Digitala/Kvittens/{receiptId}" : $"/Nycklar/Digitala/{id}",
            done, () => Load(id, ct));
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Key = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        if (CanWrite && Key.AllowedActions.Contains(DigitalKeyAction.Issue)) Employees = await lookup.Employees(ct);
        if (Offers(DigitalKeyAction.MakeReady) && Key.Kind != DigitalKeyKind.WebApp)
            ReadyProof = new(nameof(ReadyInput), await EnrolmentProofView.TryIssue(challenges, Key.Kind, id, ct));
    }
}
