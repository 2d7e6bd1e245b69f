using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>
/// Opens a work order. The subject comes from the page the user came from (a client's, an entrance's, a
/// device's: its id in the address, never a personnummer); the kind is chosen here among those the
/// user's role may open. Without JavaScript every subject field is shown, with help saying which kinds need which.
/// </summary>
[Authorize(Policy = Policies.WorkOrdersWrite)]
public sealed class CreateModel(OpenWorkOrderForm form, UnitLookup units) : NyckelfriPageModel
{
    [BindProperty] public OpenWorkOrder.Command Input { get; set; } = new();
    public IReadOnlyList<OpenWorkOrderForm.KindOption> Kinds { get; private set; } = [];
    public OpenWorkOrderForm.Subject Subject { get; private set; } = new(null, null, null, null);
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];

    /// <summary>Where "Avbryt" leads: back to the page the subject came from.</summary>
    public string BackHref => Input switch
    {
        { ClientId: { } c } when Can(Policies.ClientsRead) => $"/Brukare/{c}",
        { EntranceId: { } e } when Can(Policies.PropertiesRead) => $"/Portar/{e}",
        { DeviceId: { } d } when Can(Policies.DevicesRead) => $"/Utrustning/{d}",
        _ => "/Arenden",
    };

    public async Task OnGetAsync([FromQuery(Name = "klient")] Guid? client, [FromQuery(Name = "port")] Guid? entrance,
        [FromQuery(Name = "enhet")] Guid? device, [FromQuery(Name = "typ")] RoutineKind? kind, CancellationToken ct)
    {
        Input = new OpenWorkOrder.Command { ClientId = client, EntranceId = entrance, DeviceId = device, Kind = kind };
        await Load(ct);
        if (Input.Kind is null && Kinds.Count == 1) Input.Kind = Kinds[0].Kind;
    }

    public async Task<IActionResult> OnPostAsync([FromServices] OpenWorkOrder open, CancellationToken ct)
    {
        await Load(ct);
        return await Attempt(async () =>
        {
            var id = await open.Handle(Input, ct);
            StatusMessage = "Ärendet är öppnat.";
            return Redirect($"/Arenden/{id}");
        });
    }

    private async Task Load(CancellationToken ct)
    {
        Kinds = await form.Kinds(ct);
        Subject = await form.Describe(Input.ClientId, Input.EntranceId, Input.DeviceId, includeClientName: Can(Policies.ClientsRead), ct);
        Units = await units.Units(ct);
    }
}
