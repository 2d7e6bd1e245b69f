using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>
/// The security log of the municipality (docs/security.md): logins, failures, lockouts, two-factor and role
/// changes, reveals, searches by personnummer, rate-limited callers. Filter by kind, login and period; paged.
/// </summary>
[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class SecurityEventsModel(ListSecurityEvents list, UserAdministration users) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true)] public SecurityEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListSecurityEvents.Item> Events { get; private set; } = new([], 1, Page<ListSecurityEvents.Item>.DefaultSize, 0);
    public IReadOnlyList<UserAdministration.Item> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await users.List(ct);
        if (!ModelState.IsValid) return;
        try
        {
            Events = await list.Handle(new ListSecurityEvents.Query(Kind, UserId, From, To, PageNumber), ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
        }
    }
}
