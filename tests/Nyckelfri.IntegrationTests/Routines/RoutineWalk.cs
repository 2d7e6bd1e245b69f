using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Notifications;
using Nyckelfri.Properties;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// Test data and moves for the work-order API tests: a fresh home per test (written straight to the
/// database, so no service rule fires while arranging), and the owner's moves through the API:
/// answer to go on, book, complete. Every call returns the order as the API shows it afterwards.
/// </summary>
internal static class RoutineWalk
{
    public const string Orders = "/api/v1/work-orders";
    public const string Configuration = "/api/v1/routine-configuration";
    public const string NotYourStep = "https://nyckelfri.se/problem/work-order-not-your-step";

    /// <summary>A client in a household of their own, at an address of their own; the lock is mounted when asked for.</summary>
    public sealed record Home(Guid ClientId, Guid HouseholdId, string FirstName, string LastName, string Street, Guid? LockId,
        IReadOnlyList<Guid> ServiceIds);

    public static async Task<Home> NewHome(NyckelfriApp app, bool withLock, params (CareServiceKind Kind, Guid UnitId)[] services)
    {
        await using var db = app.SystemContext();
        var today = app.Clock.Today();
        var a = app.World.MunicipalityA;
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var street = $"Ärendevägen {Random.Shared.Next(1, 999)}";
        var address = new Address(a, street, "123 45", "Teststad");
        var household = new Household(address, null);
        var client = new Client(a, "Greta", "Rutinsson" + tag, FictitiousPersonalIdentityNumbers.Next());
        household.AddCohabitant(client);
        db.AddRange(address, household, client);
        var added = new List<CareService>();
        foreach (var (kind, unitId) in services)
            added.Add(db.CareServices.Add(new CareService(client, kind, true, await db.Units.SingleAsync(u => u.Id == unitId),
                today.AddMonths(-1), null)).Entity);
        Guid? lockId = null;
        if (withLock)
        {
            var model = await db.DeviceModels.SingleAsync(m => m.Id == app.World.LockModelA);
            var location = await db.StockLocations.SingleAsync(l => l.Id == app.World.StockLocationA);
            var device = new Device(model, DeviceArrange.Unique("RT"), null, location, "1.0");
            device.Install(household, null, today, "K" + tag);
            db.Devices.Add(device);
            lockId = device.Id;
        }
        await db.SaveChangesAsync();
        return new Home(client.Id, household.Id, client.FirstName, client.LastName, street, lockId, added.Select(s => s.Id).ToList());
    }

    public static async Task<JsonElement> Get(HttpClient api, Guid id) =>
        await (await api.GetAsync($"{Orders}/{id}")).ShouldBeOk();

    public static async Task<JsonElement> Open(HttpClient api, object command) =>
        await (await api.PostAsJsonAsync(Orders, command)).ShouldBeCreatedAt(Orders);

    public static Task<HttpResponseMessage> Post(HttpClient api, JsonElement order, string action, object? body = null) =>
        api.PostAsJsonAsync($"{Orders}/{order.Id()}/{action}", body ?? new { version = order.Version() });

    /// <summary>The orders of a client (or their household), as a list item each.</summary>
    public static async Task<List<JsonElement>> OrdersOf(HttpClient api, Guid clientId, string? kind = null)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"{Orders}?clientId={clientId}" + (kind is null ? "" : $"&kind={kind}"));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Answers every checkpoint of the current step: the given choice, else the first answer that neither ends, holds nor proposes.</summary>
    public static async Task<JsonElement> AnswerToGoOn(HttpClient api, JsonElement order, IReadOnlyDictionary<string, string>? choices = null)
    {
        foreach (var checkpoint in order.GetProperty("currentStep").GetProperty("checkpoints").EnumerateArray())
        {
            var code = checkpoint.Text("code")!;
            var value = choices is not null && choices.TryGetValue(code, out var chosen)
                ? chosen
                : checkpoint.GetProperty("options").EnumerateArray().First(o => o.GetProperty("endsRoutine").ValueKind == JsonValueKind.Null
                    && !o.GetProperty("holdsStep").GetBoolean() && o.GetProperty("proposes").ValueKind == JsonValueKind.Null).Text("value");
            order = await (await Post(api, order, "answers", new { version = order.Version(), checkpointCode = code, value })).ShouldBeOk();
        }
        return order;
    }

    public static Task<HttpResponseMessage> Complete(HttpClient api, JsonElement order, Guid? deviceId = null, string? keyNumber = null,
        Guid? stockLocationId = null) =>
        Post(api, order, "complete", new
        {
            version = order.Version(), deviceId, keyNumber, stockLocationId, lockPartsDescription = stockLocationId is null ? null : "Ordinarie låsvred",
        });

    /// <summary>Answers to go on and completes the step; checks the 200.</summary>
    public static async Task<JsonElement> Finish(HttpClient api, JsonElement order, IReadOnlyDictionary<string, string>? choices = null,
        Guid? stockLocationId = null) =>
        await (await Complete(api, await AnswerToGoOn(api, order, choices), stockLocationId: stockLocationId)).ShouldBeOk();

    public static async Task<JsonElement> Book(HttpClient api, JsonElement order, DateOnly day) =>
        await (await Post(api, order, "book", new
        {
            version = order.Version(),
            bookedFor = day.ToDateTime(new TimeOnly(10, 0)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            staffMustBePresent = true,
        })).ShouldBeOk();

    /// <summary>Switches municipality A to <paramref name="preset"/> through the API; reassigned steps go back to the preset's roles.</summary>
    public static async Task UsePreset(NyckelfriApp app, RoutinePreset preset)
    {
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var configuration = await admin.GetFromJsonAsync<JsonElement>(Configuration);
        var switched = await (await admin.PostAsJsonAsync($"{Configuration}/preset", new
        {
            version = configuration.GetProperty("municipalityVersion").GetInt32(), preset = preset.ToString(),
        })).ShouldBeOk();
        switched.Text("preset").ShouldBe(preset.ToString());
    }

    /// <summary>Checks the owner on the order: the role, and for a provider role the unit (else none).</summary>
    public static void ShouldBeOwnedBy(this JsonElement order, string role, Guid? providerUnit, string because = "")
    {
        order.Text("ownerRole").ShouldBe(role, because);
        var unit = order.GetProperty("ownerUnitId");
        if (Roles.ProviderScoped.Contains(role)) unit.GetGuid().ShouldBe(providerUnit!.Value, because);
        else unit.ValueKind.ShouldBe(JsonValueKind.Null, because);
    }

    /// <summary>
    /// The notifications about the work orders of <paramref name="clientIds"/> (their own or their household's),
    /// scanned for personal data with every client's name, street and door code as known names. Only this
    /// test's own orders: other tests share the outbox, and what they wrote is theirs to check.
    /// </summary>
    public static async Task NotificationsHaveNoPersonalData(NyckelfriApp app, params Guid[] clientIds)
    {
        clientIds.ShouldNotBeEmpty();
        await using var db = app.SystemContext();
        var households = await db.Clients.IgnoreQueryFilters().Where(c => clientIds.Contains(c.Id)).Select(c => c.HouseholdId).ToListAsync();
        var orders = await db.WorkOrders.IgnoreQueryFilters()
            .Where(o => (o.ClientId != null && clientIds.Contains(o.ClientId.Value)) || (o.HouseholdId != null && households.Contains(o.HouseholdId.Value)))
            .Select(o => o.Id).ToListAsync();
        orders.ShouldNotBeEmpty("the test's clients have work orders");
        var links = orders.Select(id => $"/Arenden/{id}").ToList();
        var clients = await db.Clients.Select(c => new { c.FirstName, c.LastName, c.DoorCode }).ToListAsync();
        var streets = await db.Addresses.Select(a => a.Street).ToListAsync();
        var known = clients.SelectMany(c => new[] { c.FirstName, c.LastName, c.FirstName + " " + c.LastName, c.DoorCode ?? "" })
            .Concat(streets).Where(n => n.Length > 0).Distinct().ToList();
        var messages = await db.Notifications.IgnoreQueryFilters().Where(n => links.Contains(n.Link))
            .Select(n => n.Subject + "\n" + n.Body + "\n" + n.Link).ToListAsync();
        messages.ShouldNotBeEmpty("the test's work orders told someone");
        var findings = messages.SelectMany(m => PersonalDataScanner.Scan(m, known).Select(f => $"{f.Kind} '{f.Text}' in: {m}")).ToList();
        findings.ShouldBeEmpty(string.Join(Environment.NewLine, findings));
    }
}
