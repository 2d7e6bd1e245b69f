using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>The clients' original lock parts kept in store (or, on request, those already returned).</summary>
[Authorize(Policy = Policies.StockRead)]
public sealed class LockPartListModel(ListOriginalLockParts list) : NyckelfriPageModel
{
    public const string InStore = "i-lager";
    public const string Returned = "aterlamnade";
    public const string All = "alla";

    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<GetOriginalLockPart.Details> Parts { get; private set; } = new([], 1, Page<GetOriginalLockPart.Details>.DefaultSize, 0);
    public string Filter => Visa is Returned or All ? Visa : InStore;
    public bool CanManage => Can(Policies.DevicesWrite);
    public bool CanSeeClients => Can(Policies.ClientsRead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        bool? inStore = Filter switch { InStore => true, Returned => false, _ => null };
        Parts = await list.Handle(new ListOriginalLockParts.Query(inStore, Page: PageNumber), ct);
    }
}
