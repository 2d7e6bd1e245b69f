using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Access;

/// <summary>"Mina brukare": the employee's clients for today, each with "Öppna" (the whole lock protocol against the lock).</summary>
[Authorize(Policy = Policies.OpenDoors)]
public sealed class MyClientsModel(MyClients mine, OpenDoor door) : NyckelfriPageModel
{
    public MyDay Day { get; private set; } = null!;

    /// <summary>Part of a name or an address.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    [TempData] public string? DoorMessage { get; set; }
    [TempData] public bool DoorOpened { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Day = await mine.Handle(Search, ct);

    public async Task<IActionResult> OnPostOpenAsync(Guid lockId, Guid clientId, CancellationToken ct)
    {
        Day = await mine.Handle(ct);
        return await Attempt(async () =>
        {
            var outcome = await door.Handle(lockId, ct);
            DoorMessage = outcome.Message;
            DoorOpened = outcome.Opened;
            return Redirect($"/Mina-brukare#brukare-{clientId}");
        }, prefix: "");
    }
}
