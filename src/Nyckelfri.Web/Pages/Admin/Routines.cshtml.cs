using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>
/// The municipality's routine configuration (SPEC §1.2): which preset it started from, and who owns
/// each step of each routine. Switching preset rewrites every line; one line can be given to another
/// role. Open work orders follow at once; every change is in the history.
/// </summary>
[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class RoutinesModel(RoutineConfiguration configuration, RoutineConfigurationChanges changes) : NyckelfriPageModel
{
    public const int ChangesShown = 15;

    public sealed class SwitchInput
    {
        public int? Version { get; set; }
        public RoutinePreset? Preset { get; set; }
        public bool Confirmed { get; set; }
    }

    public sealed class ReassignInput
    {
        public string? StepCode { get; set; }
        public string? Route { get; set; }
        public int? Version { get; set; }
        public string? Role { get; set; }
    }

    [BindProperty] public SwitchInput Switch { get; set; } = new();
    [BindProperty] public ReassignInput Reassign { get; set; } = new();
    public RoutineConfiguration.View Configuration { get; private set; } = null!;
    public IReadOnlyList<RoutineConfigurationChanges.Line> Changes { get; private set; } = [];

    /// <summary>The line whose reassignment was refused: its row shows the error.</summary>
    public string? RefusedLine { get; private set; }

    public static string LineKey(string stepCode, string? route) => route is null ? stepCode : $"{stepCode}:{route}";

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostSwitchAsync(CancellationToken ct)
    {
        if (!Switch.Confirmed) ModelState.AddModelError("Switch.Confirmed", "Kryssa i rutan för att bekräfta bytet av rutinmall.");
        var result = await Attempt(async () =>
        {
            await configuration.Switch(new() { Version = Switch.Version, Preset = Switch.Preset }, ct);
            StatusMessage = "Rutinmallen är bytt. Alla steg har fått mallens roller.";
            return RedirectToPage();
        }, prefix: "Switch");
        if (result is PageResult) await Load(ct);
        return result;
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken ct)
    {
        RefusedLine = LineKey(Reassign.StepCode ?? "", string.IsNullOrEmpty(Reassign.Route) ? null : Reassign.Route);
        var result = await Attempt(async () =>
        {
            await configuration.Reassign(Reassign.StepCode ?? "", string.IsNullOrEmpty(Reassign.Route) ? null : Reassign.Route,
                new() { Version = Reassign.Version, Role = Reassign.Role }, ct);
            StatusMessage = "Steget har fått en ny ägande roll.";
            return RedirectToPage();
        }, prefix: "Reassign");
        if (result is PageResult) await Load(ct);
        return result;
    }

    private async Task Load(CancellationToken ct)
    {
        Configuration = await configuration.Get(ct);
        Changes = await changes.Latest(ChangesShown, ct);
    }
}
