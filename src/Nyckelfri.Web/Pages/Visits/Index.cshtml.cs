using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Visits;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Visits;

/// <summary>Visits per unit and period (seed 003 §5), newest first: start, end, duration, employee, source.</summary>
[Authorize(Policy = Policies.VisitsRead)]
public sealed class IndexModel(ListVisits list, UnitLookup units) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public Page<ListVisits.Item> Visits { get; private set; } = new([], 1, Page<ListVisits.Item>.DefaultSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await units.Units(ct);
        if (!ModelState.IsValid) return;
        try
        {
            Visits = await list.Handle(new ListVisits.Query(UnitId: Unit, From: From, To: To, Page: PageNumber), ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
        }
        catch (NotFoundException e)
        {
            ModelState.AddModelError(nameof(Unit), e.Message);
        }
    }
}
