using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Access;

/// <summary>The break-glass review list (SPEC §6): unreviewed first; a reviewer marks each justified or not.</summary>
[Authorize(Policy = Policies.BreakGlassReview)]
public sealed class BreakGlassReviewModel(ListBreakGlasses list, ReviewBreakGlass review) : NyckelfriPageModel
{
    public IReadOnlyList<BreakGlassItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public bool OnlyUnreviewed { get; set; }
    [BindProperty] public ReviewBreakGlass.Command Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Items = await list.Handle(OnlyUnreviewed, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Items = await list.Handle(OnlyUnreviewed, ct);
        return await Attempt(async () =>
        {
            await review.Handle(id, Input, ct);
            StatusMessage = "Nödöppningen är granskad.";
            return RedirectToPage();
        });
    }
}
