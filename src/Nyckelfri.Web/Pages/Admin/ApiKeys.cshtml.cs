using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;
using ApiKeyHandler = Nyckelfri.Identity.ApiKeys;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class ApiKeysModel(ApiKeyHandler keys) : NyckelfriPageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<ApiKeyHandler.Item> Keys { get; private set; } = [];
    public string? CreatedSecret { get; private set; }
    public string? CreatedName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.List(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await Attempt(async () =>
        {
            var created = await keys.Create(new ApiKeyHandler.CreateCommand(Name), ct);
            CreatedSecret = created.Secret;
            CreatedName = created.Name;
            Name = null;
            ModelState.Clear();
            return Page();
        }, prefix: "");
        Keys = await keys.List(ct);
        return result;
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, CancellationToken ct)
    {
        try
        {
            await keys.Revoke(keyId, ct);
            StatusMessage = "Nyckeln är spärrad.";
        }
        catch (RuleViolationException e)
        {
            StatusMessage = e.Message;
        }
        return RedirectToPage();
    }
}
