using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>The device register: search by serial or key number, filter, page.</summary>
[Authorize(Policy = Policies.DevicesRead)]
public sealed class IndexModel(ListDevices list, DeviceLookup lookup) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DeviceKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DeviceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ModelId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListDevices.Item> Devices { get; private set; } = new([], 1, Page<ListDevices.Item>.DefaultSize, 0);
    public IReadOnlyList<DeviceLookup.Option> Models { get; private set; } = [];
    public IReadOnlyList<DeviceLookup.Option> Locations { get; private set; } = [];

    /// <summary>Stock is the municipality's: a provider's user sees only devices at its clients' homes and needs no shelf filters.</summary>
    public bool CanFilterStock => Can(Policies.StockRead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (CanFilterStock)
        {
            Models = await lookup.Models(ct);
            Locations = await lookup.StockLocations(ct);
        }
        Devices = await list.Handle(new ListDevices.Query(Q, Kind, Status, ModelId, LocationId, PageNumber), ct);
    }
}
