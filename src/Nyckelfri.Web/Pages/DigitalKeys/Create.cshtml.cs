using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>
/// The alarm centre registers a new key into its own stock or the staffing unit's. A phone-app key or fob
/// comes with its public key and a proof of possession over the challenge shown on the page (a fresh one
/// after every failed attempt, since an attempt uses it up).
/// </summary>
[Authorize(Policy = Policies.DigitalKeysWrite)]
public sealed class CreateModel(RegisterDigitalKey register, RequestEnrolmentChallenge challenges) : NyckelfriPageModel
{
    [BindProperty] public RegisterDigitalKey.Command Input { get; set; } = new() { Kind = DigitalKeyKind.PhoneApp, Stock = KeyStock.AlarmCentre };

    public EnrolmentProofView Proof { get; private set; } = new(nameof(Input), null);

    public async Task OnGetAsync(CancellationToken ct) => Proof = new(nameof(Input), await EnrolmentProofView.TryIssue(challenges, DigitalKeyKind.PhoneApp, null, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await Attempt(async () =>
        {
            var id = await register.Handle(Input, ct);
            StatusMessage = "Nyckeln är registrerad.";
            return Redirect($"/Nycklar/Digitala/{id}");
        });
        if (result is PageResult) Proof = new(nameof(Input), await EnrolmentProofView.TryIssue(challenges, DigitalKeyKind.PhoneApp, null, ct));
        return result;
    }
}
