using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>Installs (or reserves) a lock unit, key safe or medicine cabinet at a household's door.</summary>
[Authorize(Policy = Policies.DevicesWrite)]
public sealed class InstallAtHouseholdModel(GetHousehold households, DeviceLookup lookup, InstallDevice install, ReserveDevice reserve, TimeProvider clock)
    : InstallPageModel(lookup, install, reserve, clock)
{
    private readonly DeviceLookup _lookup = lookup;

    public override string DeviceWord => "enheten";

    public async Task OnGetAsync(Guid householdId, Guid? deviceId, CancellationToken ct)
    {
        await Load(householdId, ct);
        Prefill(deviceId);
    }

    public async Task<IActionResult> OnPostAsync(Guid householdId, CancellationToken ct)
    {
        await Load(householdId, ct);
        return await Install(c => c.HouseholdId = householdId, deviceId => Done(householdId, deviceId), ct);
    }

    public async Task<IActionResult> OnPostReserveAsync(Guid householdId, CancellationToken ct)
    {
        await Load(householdId, ct);
        return await Reserve(c => c.HouseholdId = householdId, deviceId => Done(householdId, deviceId), ct);
    }

    // Back to the household, where the device now shows; a locksmith, who may not open client records, sees the device.
    private string Done(Guid householdId, Guid deviceId) =>
        Can(Policies.ClientsRead) ? $"/Hushall/{householdId}" : $"/Utrustning/{deviceId}";

    private async Task Load(Guid householdId, CancellationToken ct)
    {
        var h = await households.Handle(householdId, ct);
        Heading = $"Installera lås i hushållet {h.Street}{(h.Apartment is null ? "" : $", lgh {h.Apartment}")}";
        BackHref = Can(Policies.ClientsRead) ? $"/Hushall/{householdId}" : "/Utrustning";
        Installable = await _lookup.InstallableAtHousehold(householdId, ct);
        AlreadyThere = await _lookup.AtHousehold(householdId, ct);
    }
}
