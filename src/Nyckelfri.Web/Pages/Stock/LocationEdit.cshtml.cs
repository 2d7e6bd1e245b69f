using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockWrite)]
public sealed class LocationEditModel(EditStockLocation edit) : NyckelfriPageModel
{
    [BindProperty] public EditStockLocation.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Input = await edit.Load(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await edit.Load(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect("/Lager/Platser");
        });
    }
}
