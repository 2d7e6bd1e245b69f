using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.History;
using Nyckelfri.Tenancy;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class IndexModel(MunicipalitySettings settings, GetHistory history) : NyckelfriPageModel
{
    [BindProperty] public MunicipalitySettings.Command Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public bool IsDemo { get; private set; }
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var view = await Load(ct);
        Input = new MunicipalitySettings.Command { Version = view.Version, Name = view.Name, TwoFactorRoles = view.TwoFactorRoles.ToList(), BatteryThreshold = view.BatteryThreshold };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Load(ct);
        return await Attempt(async () =>
        {
            await settings.Handle(Input, ct);
            StatusMessage = "Inställningarna är sparade.";
            return RedirectToPage();
        });
    }

    private async Task<MunicipalitySettings.View> Load(CancellationToken ct)
    {
        var view = await settings.Get(ct);
        Code = view.Code;
        IsDemo = view.IsDemo;
        History = await history.ForPeople(view.Id, ct);
        return view;
    }
}
