using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Access;

/// <summary>
/// The client's door on a phone: open it, report that it would not open ("Kom inte in", SPEC §11.5),
/// or break-glass with a reason. Reachable from the client page and from "Mina brukare". Opening and
/// break-glass run in the browser, which holds the device key (wwwroot/js/door-key.js, the doors API);
/// "Kom inte in" is an ordinary form.
/// </summary>
[Authorize(Policy = Policies.OpenDoors)]
public sealed class DoorModel(NyckelfriDbContext db, ReportCouldNotGetIn report) : NyckelfriPageModel
{
    public sealed record DoorInfo(Guid ClientId, string ClientName, Guid? LockId, string? LockSerial, DeviceStatus? LockStatus);

    public DoorInfo Info { get; private set; } = null!;

    [BindProperty] public ReportCouldNotGetIn.Command Report { get; set; } = new();

    [TempData] public string? DoorMessage { get; set; }
    [TempData] public bool DoorOpened { get; set; }

    public async Task OnGetAsync(Guid clientId, CancellationToken ct) => Info = await Load(clientId, ct);

    public async Task<IActionResult> OnPostCouldNotGetInAsync(Guid clientId, CancellationToken ct)
    {
        Info = await Load(clientId, ct);
        return await Attempt(async () =>
        {
            var result = await report.Handle(clientId, Report, ct);
            return Done(false, result.Message);
        }, prefix: nameof(Report));
    }

    private IActionResult Done(bool opened, string message)
    {
        DoorMessage = message;
        DoorOpened = opened;
        return Redirect($"/Brukare/{Info.ClientId}/Dorren");
    }

    private async Task<DoorInfo> Load(Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.HouseholdId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Brukaren");
        var device = await db.Devices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == client.HouseholdId
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => new { d.Id, d.SerialNumber, d.Status }).FirstOrDefaultAsync(ct);
        return new DoorInfo(client.Id, $"{client.FirstName} {client.LastName}", device?.Id, device?.SerialNumber, device?.Status);
    }
}
