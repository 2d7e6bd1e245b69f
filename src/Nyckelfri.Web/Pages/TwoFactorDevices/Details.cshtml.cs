using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.History;
using Nyckelfri.Keys;
using Nyckelfri.Providers;
using Nyckelfri.Web.Pages.DigitalKeys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.TwoFactorDevices;

/// <summary>One 2-factor device: who has it (an employee, or a unit's key cabinet), its receipts and history, and its actions.</summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class DetailsModel(GetTwoFactorDevice get, GetHistory history, DigitalKeyLookup lookup, KeyHolderUnits units, TimeProvider clock)
    : NyckelfriPageModel
{
    [BindProperty] public IssueTwoFactorDevice.Command IssueInput { get; set; } = new();
    [BindProperty] public PlaceTwoFactorDeviceAtUnit.Command PlaceInput { get; set; } = new();
    [BindProperty] public ReturnTwoFactorDevice.Command ReturnInput { get; set; } = new();
    [BindProperty] public KeepTwoFactorDeviceAt.Command KeepInput { get; set; } = new();
    [BindProperty] public BlockTwoFactorDevice.Command BlockInput { get; set; } = new();

    public GetTwoFactorDevice.Details Device { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<DigitalKeyLookup.EmployeeOption> Employees { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public bool CanWrite => Can(Policies.DigitalKeysWrite);
    public bool CanBlock => Can(Policies.DigitalKeysBlock);
    public bool IsAlarmCentre => KeyRoles.IsAlarmCentre(User);
    public bool CanSeeStaff => Can(Policies.StaffRead);
    public string? OpenForm { get; private set; }

    public bool Offers(TwoFactorDeviceAction action) => Device.AllowedActions.Contains(action) && action switch
    {
        TwoFactorDeviceAction.Block => CanBlock,
        TwoFactorDeviceAction.PlaceAtUnit => IsAlarmCentre,
        _ => CanWrite,
    };

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        var today = clock.Today();
        IssueInput = new() { Version = Device.Version, Date = today, GiverName = User.FindFirst(NyckelfriClaims.DisplayName)?.Value };
        PlaceInput = new() { Version = Device.Version };
        ReturnInput = new() { Version = Device.Version, Date = today, GiverName = Device.EmployeeName };
        KeepInput = new() { Version = Device.Version, KeptAt = Device.KeptAt };
    }

    public Task<IActionResult> OnPostIssueAsync(Guid id, [FromServices] IssueTwoFactorDevice handler, CancellationToken ct) =>
        Change(id, nameof(IssueInput), Policies.DigitalKeysWrite, async () => await handler.Handle(id, IssueInput, ct),
            "Utlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.", ct);

    public Task<IActionResult> OnPostPlaceAsync(Guid id, [FromServices] PlaceTwoFactorDeviceAtUnit handler, CancellationToken ct) =>
        Change(id, nameof(PlaceInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, PlaceInput, ct); return null; },
            "Dosan är placerad i enhetens nyckelskåp.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, [FromServices] ReturnTwoFactorDevice handler, CancellationToken ct) =>
        Change(id, nameof(ReturnInput), Policies.DigitalKeysWrite, async () => await handler.Handle(id, ReturnInput, ct),
            "Dosan är tillbaka i lager.", ct);

    public Task<IActionResult> OnPostKeepAsync(Guid id, [FromServices] KeepTwoFactorDeviceAt handler, CancellationToken ct) =>
        Change(id, nameof(KeepInput), Policies.DigitalKeysWrite, async () => { await handler.Handle(id, KeepInput, ct); return null; },
            "Förvaringsplatsen är sparad.", ct);

    public Task<IActionResult> OnPostBlockAsync(Guid id, [FromServices] BlockTwoFactorDevice handler, CancellationToken ct) =>
        Change(id, nameof(BlockInput), Policies.DigitalKeysBlock, async () => { await handler.Handle(id, BlockInput, ct); return null; },
            "Dosan är spärrad. Har nyckeln också försvunnit: spärra den också.", ct);

    private Task<IActionResult> Change(Guid id, string form, string policy, Func<Task<Guid?>> action, string done, CancellationToken ct)
    {
        OpenForm = form;
        return AttemptForm(policy, form,
            async () => await action() is { } receiptId ? $"/Nycklar/Digitala/Kvittens/{receiptId}" : $"/Nycklar/Dosor/{id}",
            done, () => Load(id, ct));
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Device = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        if (!CanWrite || Device.Status != Nyckelfri.Access.TwoFactorDeviceStatus.InStock) return;
        Employees = await lookup.Employees(ct);
        if (IsAlarmCentre) Units = await units.ForTransfer(ct);
    }
}
