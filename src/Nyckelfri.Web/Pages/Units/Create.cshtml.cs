using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Units;

[Authorize(Policy = Policies.ProvidersWrite)]
public sealed class CreateModel(AddUnit add, GetProvider provider) : NyckelfriPageModel
{
    [BindProperty] public AddUnit.Command Input { get; set; } = new();
    public Guid ProviderId { get; private set; }
    public string ProviderName { get; private set; } = "";

    public async Task OnGetAsync(Guid providerId, CancellationToken ct) => await LoadProvider(providerId, ct);

    public async Task<IActionResult> OnPostAsync(Guid providerId, CancellationToken ct)
    {
        await LoadProvider(providerId, ct);
        return await Attempt(async () =>
        {
            var id = await add.Handle(providerId, Input, ct);
            StatusMessage = "Enheten är tillagd.";
            return Redirect($"/Enheter/{id}");
        });
    }

    private async Task LoadProvider(Guid providerId, CancellationToken ct)
    {
        ProviderId = providerId;
        ProviderName = (await provider.Handle(providerId, ct)).Name;
    }
}
