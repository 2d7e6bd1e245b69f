using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages;

/// <summary>
/// A page that runs actions: business errors become Swedish form errors next to their fields, a stale
/// edit becomes a "someone else changed this" message; the form is shown again with what was typed.
/// </summary>
public abstract class NyckelfriPageModel : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    protected bool Can(string policy) => Policies.Allows(policy, User.IsInRole);

    /// <summary>
    /// One form of a record page: the policy first, then the action with its errors on that form
    /// (<paramref name="form"/> is its fields' prefix); on success <paramref name="done"/> is shown where
    /// the action's address leads, after an error the record is reloaded so the page can show it again.
    /// </summary>
    protected async Task<IActionResult> AttemptForm(string policy, string form, Func<Task<string>> action, string done, Func<Task> reload)
    {
        if (!Can(policy)) return Forbid();
        var result = await Attempt(async () =>
        {
            var next = await action();
            StatusMessage = done;
            return Redirect(next);
        }, prefix: form);
        if (result is PageResult) await reload();
        return result;
    }

    protected async Task<IActionResult> Attempt(Func<Task<IActionResult>> action, string prefix = "Input")
    {
        if (!ModelState.IsValid) return Page();
        try
        {
            return await action();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError(string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}", message);
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        return Page();
    }
}
