using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockWrite)]
public sealed class LocationCreateModel(AddStockLocation add) : NyckelfriPageModel
{
    [BindProperty] public AddStockLocation.Command Input { get; set; } = new();

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        await add.Handle(Input, ct);
        StatusMessage = "Lagerplatsen är tillagd.";
        return Redirect("/Lager/Platser");
    });
}
