using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Visits;

/// <summary>The NFC tags at a client's home (seed 003 §5): register one where no lock exists yet, take one down.</summary>
[Authorize(Policy = Policies.NfcTagsWrite)]
public sealed class NfcTagsModel(ClientVisitOverview overview, RegisterNfcTag register, DeactivateNfcTag deactivate) : NyckelfriPageModel
{
    [BindProperty] public RegisterNfcTag.Command Input { get; set; } = new();
    public ClientVisitOverview.Result Overview { get; private set; } = null!;

    public async Task OnGetAsync(Guid clientId, CancellationToken ct) => await Load(clientId, ct);

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken ct)
    {
        await Load(clientId, ct);
        return await Attempt(async () =>
        {
            await register.Handle(clientId, Input, ct);
            StatusMessage = "NFC-taggen är registrerad.";
            return RedirectToPage();
        });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid clientId, Guid tagId, CancellationToken ct)
    {
        await Load(clientId, ct);
        if (Overview.Tags.All(t => t.Id != tagId)) return NotFound();
        try
        {
            await deactivate.Handle(tagId, ct);
            StatusMessage = "NFC-taggen är inaktiverad.";
        }
        catch (RuleViolationException e)
        {
            StatusMessage = e.Message;
        }
        return RedirectToPage();
    }

    private async Task Load(Guid clientId, CancellationToken ct) => Overview = await overview.Handle(clientId, page: 1, pageSize: 1, ct);
}
