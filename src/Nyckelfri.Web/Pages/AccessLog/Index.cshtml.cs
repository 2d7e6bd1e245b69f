using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.AccessLog;

/// <summary>
/// The access-log report (seed 001): filter by client, employee, lock, period, kind and outcome; page
/// through it, newest first, in Swedish local time; download the same selection as CSV. Names and lock
/// serials are searched by POST only, so that no name sits in a URL, a proxy log or the browser history
/// (issue 13); a link from a client's or an employee's page filters by id with a GET.
/// </summary>
[Authorize(Policy = Policies.AccessLogRead)]
[EnableRateLimiting(RateLimits.Export)]
public sealed class IndexModel(ListAccessEvents list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? ClientId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? EmployeeId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LockId { get; set; }
    [BindProperty(Name = "brukare")] public string? ClientName { get; set; }
    [BindProperty(Name = "medarbetare")] public string? EmployeeName { get; set; }
    [BindProperty(Name = "las")] public string? LockSerial { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public AccessEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public AccessOutcome? Outcome { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    /// <summary>The page asked for by a posted search (its pager buttons post the filters again).</summary>
    [BindProperty(Name = "sida")] public int? PostedPage { get; set; }

    /// <summary>Whether this answer is to a posted search (its pager and CSV then post too).</summary>
    public bool IsPostedSearch => HttpMethods.IsPost(Request.Method);

    public Page<ListAccessEvents.Item> Events { get; private set; } = new([], 1, Page<ListAccessEvents.Item>.DefaultSize, 0);

    /// <summary>The export of what the filters select now (every page).</summary>
    public string CsvHref => QueryHelpers.AddQueryString("/Logg", Request.Query
        .Where(q => q.Key is not ("page" or "handler"))
        .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
        .Append(new("handler", "Csv")));

    /// <summary>Filters that came with a link (a client's or an employee's page) and have no field of their own.</summary>
    public bool HasLinkedFilter => ClientId is not null || EmployeeId is not null || LockId is not null;

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public Task OnPostAsync(CancellationToken ct)
    {
        PageNumber = PostedPage;
        return Load(ct);
    }

    public Task<IActionResult> OnPostCsvAsync(CancellationToken ct) => OnGetCsvAsync(ct);

    private async Task Load(CancellationToken ct)
    {
        if (!ModelState.IsValid) return;
        try
        {
            Events = await list.Handle(Query(), ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadRequest();
        try
        {
            return new Api.CsvDownload(await list.CsvLines(Query() with { Page = null }, ct), "atkomstlogg.csv");
        }
        catch (ValidationFailedException)
        {
            return BadRequest();
        }
    }

    private ListAccessEvents.Query Query() =>
        new(ClientId, EmployeeId, LockId, LockSerial, From, To, Kind, Outcome, ClientName, EmployeeName, PageNumber);
}
