using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>Installs (or reserves) the entrance unit of a building entrance, shared by every client behind it.</summary>
[Authorize(Policy = Policies.DevicesWrite)]
public sealed class InstallAtEntranceModel(GetEntrance entrances, DeviceLookup lookup, InstallDevice install, ReserveDevice reserve, TimeProvider clock)
    : InstallPageModel(lookup, install, reserve, clock)
{
    private readonly DeviceLookup _lookup = lookup;

    public override string DeviceWord => "portenheten";

    public async Task OnGetAsync(Guid entranceId, Guid? deviceId, CancellationToken ct)
    {
        await Load(entranceId, ct);
        Prefill(deviceId);
    }

    public async Task<IActionResult> OnPostAsync(Guid entranceId, CancellationToken ct)
    {
        await Load(entranceId, ct);
        return await Install(c => c.EntranceId = entranceId, _ => $"/Portar/{entranceId}", ct);
    }

    public async Task<IActionResult> OnPostReserveAsync(Guid entranceId, CancellationToken ct)
    {
        await Load(entranceId, ct);
        return await Reserve(c => c.EntranceId = entranceId, _ => $"/Portar/{entranceId}", ct);
    }

    private async Task Load(Guid entranceId, CancellationToken ct)
    {
        var e = await entrances.Handle(entranceId, ct);
        Heading = $"Installera portenhet på {e.Name}, {e.Street}";
        BackHref = $"/Portar/{entranceId}";
        Installable = await _lookup.InstallableAtEntrance(entranceId, ct);
        AlreadyThere = await _lookup.AtEntrance(entranceId, ct);
    }
}
