using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Access;

/// <summary>
/// "Mina brukare": the employee's clients for today, each with "Öppna". The opening itself runs in the
/// browser, which holds the device key (wwwroot/js/door-key.js, through the doors API).
/// </summary>
[Authorize(Policy = Policies.OpenDoors)]
public sealed class MyClientsModel(MyClients mine) : NyckelfriPageModel
{
    public MyDay Day { get; private set; } = null!;

    /// <summary>Part of a name or an address.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Day = await mine.Handle(Search, ct);
}
