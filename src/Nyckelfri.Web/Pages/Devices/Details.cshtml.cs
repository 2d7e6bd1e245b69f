using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Access;
using Nyckelfri.Devices;
using Nyckelfri.History;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>
/// One device: what it is, where it is, its battery, and the transitions its state allows now (for
/// those who may move devices). Each transition is its own form and handler, based on the version shown.
/// </summary>
[Authorize(Policy = Policies.DevicesRead)]
public sealed class DetailsModel(GetDevice get, GetHistory history, DeviceLookup lookup, LockPermissions lockPermissions, GetLockUploads uploads)
    : NyckelfriPageModel
{
    /// <summary>One form's fields; each action's form sends the ones it needs.</summary>
    public sealed class ActionInput
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
        public string? Description { get; set; }
        public string? Reason { get; set; }
        public Guid? StockLocationId { get; set; }
    }

    [BindProperty] public ActionInput Input { get; set; } = new();
    public GetDevice.Details Device { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<DeviceLookup.Option> StockLocations { get; private set; } = [];

    /// <summary>The action whose form was posted and refused: its form shows the errors.</summary>
    public DeviceAction? Posted { get; private set; }
    public bool CanWrite => Can(Policies.DevicesWrite);
    public bool CanOpenClients => Can(Policies.ClientsRead);
    public bool CanOpenEntrances => Can(Policies.PropertiesRead);
    public bool CanOpenWorkOrders => Can(Policies.WorkOrdersWrite);
    public bool CanSeeStaff => Can(Policies.StaffRead);

    /// <summary>For a mounted lock, to those who handle keys: who may open it today, and why (issue 5).</summary>
    public LockPermissions.Result? Permissions { get; private set; }

    /// <summary>For a lock unit or entrance unit: its registered key and its newest signed events, with who uploaded them (issue 12).</summary>
    public GetLockUploads.Result? Uploads { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostCancelReservationAsync(Guid id, [FromServices] CancelDeviceReservation handler, CancellationToken ct) =>
        Run(id, DeviceAction.CancelReservation, "Reservationen är borttagen.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostUninstallAsync(Guid id, [FromServices] UninstallDevice handler, CancellationToken ct) =>
        Run(id, DeviceAction.Uninstall, "Enheten är nedmonterad och ligger i lager.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, StockLocationId = Input.StockLocationId, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostReportFaultAsync(Guid id, [FromServices] ReportDeviceFault handler, CancellationToken ct) =>
        Run(id, DeviceAction.ReportFault, "Felet är anmält.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Description = Input.Description }, ct));

    public Task<IActionResult> OnPostResolveFaultAsync(Guid id, [FromServices] ResolveDeviceFault handler, CancellationToken ct) =>
        Run(id, DeviceAction.ResolveFault, "Felet är markerat som åtgärdat.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostSendForRepairAsync(Guid id, [FromServices] SendDeviceForRepair handler, CancellationToken ct) =>
        Run(id, DeviceAction.SendForRepair, "Enheten är registrerad som skickad på reparation.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostReturnFromRepairAsync(Guid id, [FromServices] ReturnDeviceFromRepair handler, CancellationToken ct) =>
        Run(id, DeviceAction.ReturnFromRepair, "Enheten är tillbaka från reparation och ligger i lager.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, StockLocationId = Input.StockLocationId, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostScrapAsync(Guid id, [FromServices] ScrapDevice handler, CancellationToken ct) =>
        Run(id, DeviceAction.Scrap, "Enheten är skrotad.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Reason = Input.Reason }, ct));

    private async Task<IActionResult> Run(Guid id, DeviceAction action, string done, CancellationToken ct, Func<Task<int>> change)
    {
        if (!CanWrite) return Forbid();
        Posted = action;
        var result = await Attempt(async () =>
        {
            await change();
            StatusMessage = done;
            return Redirect($"/Utrustning/{id}");
        });
        // Loaded after the attempt, so that a refused form is shown with the device as it is now.
        if (result is PageResult) await Load(id, ct);
        return result;
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Device = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        if (CanWrite && Device.AllowedActions.Any(a => a is DeviceAction.Uninstall or DeviceAction.ReturnFromRepair))
            StockLocations = await lookup.StockLocations(ct);
        if (Can(Policies.DigitalKeysRead) && Device.Kind is DeviceKind.LockUnit or DeviceKind.EntranceUnit
                                          && Device.Status is DeviceStatus.Installed or DeviceStatus.Faulty)
            Permissions = await lockPermissions.Handle(id, ct);
        if (Device.Kind is DeviceKind.LockUnit or DeviceKind.EntranceUnit)
            Uploads = await uploads.Handle(id, ct);
    }
}
