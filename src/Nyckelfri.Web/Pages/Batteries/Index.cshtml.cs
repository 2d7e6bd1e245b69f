using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Batteries;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Batteries;

/// <summary>"Låga batterier": the batteries to change soon, per unit, and the open battery changes to mark done.</summary>
[Authorize(Policy = Policies.BatteriesRead)]
public sealed class IndexModel(ListLowBatteries low, ListBatteryTasks tasks, CompleteBatteryTask complete, UnitLookup lookup)
    : NyckelfriPageModel
{
    /// <summary>More open changes than this for one filter is a backlog, not a list to page through here.</summary>
    public const int MaxTasksShown = 100;

    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public DeviceKind? Kind { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public CompleteInput Input { get; set; } = new();

    public Page<ListLowBatteries.Item> Devices { get; private set; } = new([], 1, Page<ListLowBatteries.Item>.DefaultSize, 0);
    public Page<ListBatteryTasks.Item> OpenTasks { get; private set; } = new([], 1, MaxTasksShown, 0);
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public int Threshold { get; private set; }
    public bool CanComplete => Can(Policies.BatteryTasksWrite);
    public bool CanChangeThreshold => Can(Policies.MunicipalityAdmin);
    public bool CanSeeDevices => Can(Policies.DevicesRead);

    public sealed class CompleteInput
    {
        public Guid TaskId { get; set; }
        public int Version { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        if (!CanComplete) return Forbid();
        await Load(ct);
        return await Attempt(async () =>
        {
            await complete.Handle(Input.TaskId, new CompleteBatteryTask.Command { Version = Input.Version, Note = Input.Note }, ct);
            StatusMessage = "Batteribytet är markerat som klart.";
            return RedirectToPage(new { unitId = UnitId, kind = Kind });
        });
    }

    private async Task Load(CancellationToken ct)
    {
        Units = await lookup.Units(ct);
        Threshold = await low.Threshold(ct);
        Devices = await low.Handle(new ListLowBatteries.Query(UnitId, Kind, PageNumber), ct);
        OpenTasks = await tasks.Handle(new ListBatteryTasks.Query(PendingTaskStatus.Open, UnitId, 1, MaxTasksShown), ct);
    }
}
