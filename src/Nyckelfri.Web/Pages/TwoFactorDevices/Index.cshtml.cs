using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Pages.DigitalKeys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.TwoFactorDevices;

/// <summary>The 2-factor activation devices: filter by status, search by serial number or employee; the alarm centre registers new ones here.</summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class IndexModel(ListTwoFactorDevices list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public TwoFactorDeviceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public RegisterTwoFactorDevice.Command Input { get; set; } = new();

    public Page<ListTwoFactorDevices.Item> Devices { get; private set; } = new([], 1, Page<ListTwoFactorDevices.Item>.DefaultSize, 0);
    public bool CanRegister => Can(Policies.DigitalKeysWrite) && KeyRoles.IsAlarmCentre(User);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync([FromServices] RegisterTwoFactorDevice register, CancellationToken ct)
    {
        if (!Can(Policies.DigitalKeysWrite)) return Forbid();
        var result = await Attempt(async () =>
        {
            var id = await register.Handle(Input, ct);
            StatusMessage = "Dosan är registrerad.";
            return Redirect($"/Nycklar/Dosor/{id}");
        });
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult) await Load(ct);
        return result;
    }

    private async Task Load(CancellationToken ct) =>
        Devices = await list.Handle(new ListTwoFactorDevices.Query(Status, Q, null, PageNumber), ct);
}
