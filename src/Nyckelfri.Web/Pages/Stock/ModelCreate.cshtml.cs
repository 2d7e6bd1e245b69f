using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockWrite)]
public sealed class ModelCreateModel(AddDeviceModel add) : NyckelfriPageModel
{
    [BindProperty] public AddDeviceModel.Command Input { get; set; } = new();

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await add.Handle(Input, ct);
        StatusMessage = "Modellen är tillagd.";
        return Redirect("/Lager/Modeller");
    });
}
