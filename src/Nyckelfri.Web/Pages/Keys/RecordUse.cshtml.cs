using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Keys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Keys;

/// <summary>Records that a physical key was used at a home with a digital lock, and why.</summary>
[Authorize(Policy = Policies.PhysicalKeyUse)]
public sealed class RecordUseModel(RecordPhysicalKeyUse record, TimeProvider clock) : NyckelfriPageModel
{
    [BindProperty] public RecordPhysicalKeyUse.Command Input { get; set; } = new();
    public RecordPhysicalKeyUse.Form Form { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken ct)
    {
        Form = await record.Describe(clientId, ct);
        // Swedish wall-clock time to the minute, as the time field shows and sends it back.
        var now = SwedishTime.ToLocal(clock.UtcNow());
        Input.UsedAt = DateTime.SpecifyKind(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)), DateTimeKind.Unspecified);
    }

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken ct)
    {
        Form = await record.Describe(clientId, ct);
        return await Attempt(async () =>
        {
            await record.Handle(clientId, Input, ct);
            StatusMessage = "Användningen av fysisk nyckel är registrerad.";
            return Redirect($"/Brukare/{clientId}");
        });
    }
}
