using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>
/// Where finished visits are posted (planning or billing, like TES) and the secret they are signed
/// with; the secret is shown once when it is made. Deliveries that keep failing are listed here.
/// </summary>
[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class VisitWebhookModel(VisitWebhookSettings settings) : NyckelfriPageModel
{
    [BindProperty] public VisitWebhookSettings.Command Input { get; set; } = new();
    public VisitWebhookSettings.View View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await settings.Get(ct);
        Input = new VisitWebhookSettings.Command { Version = View.Version, Url = View.Url };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await settings.Get(ct);
        return await Attempt(async () =>
        {
            View = await settings.Handle(Input, ct);
            // Shown on this answer only (not through a redirect and TempData): the secret is never stored anywhere else.
            ModelState.Clear();
            Input = new VisitWebhookSettings.Command { Version = View.Version, Url = View.Url };
            StatusMessage = null;
            return Page();
        });
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        try
        {
            await settings.Disable(ct);
            StatusMessage = "Webhooken är avstängd.";
        }
        catch (RuleViolationException e)
        {
            StatusMessage = e.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken ct)
    {
        View = await settings.Get(ct);
        var ids = View.Problems.Where(p => p.GaveUp).Select(p => p.Id).ToList();
        if (ids.Count == 0)
        {
            StatusMessage = "Inga leveranser väntar på ett nytt försök.";
            return RedirectToPage();
        }
        var retried = await settings.Retry(new VisitWebhookSettings.RetryCommand { DeliveryIds = ids }, ct);
        StatusMessage = retried == 1 ? "1 leverans försöks igen." : $"{retried} leveranser försöks igen.";
        return RedirectToPage();
    }
}
