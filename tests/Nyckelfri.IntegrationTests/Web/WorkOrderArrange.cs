using System.Net;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Households;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Work orders for page tests: fresh clients (so that the one-open-install rule never meets another
/// test's order), orders opened through the "Nytt ärende" page as a person would, and rows read back.
/// </summary>
internal static class WorkOrderArrange
{
    /// <summary>A client with an assessed home-care service at <paramref name="unitId"/>, alone in a new household at the test world's address.</summary>
    public static async Task<Guid> NewClientAt(this NyckelfriApp app, Guid unitId, string firstName, string lastName)
    {
        await using var db = app.SystemContext();
        var address = await db.Addresses.SingleAsync(a => a.Id == app.World.AddressA);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        var household = new Household(address, DeviceArrange.Unique("L")[..8]);
        var client = new Client(app.World.MunicipalityA, firstName, lastName, FictitiousPersonalIdentityNumbers.Next());
        household.AddCohabitant(client);
        db.AddRange(household, client, new CareService(client, CareServiceKind.HomeCare, true, unit, app.Clock.Today().AddMonths(-1), null));
        await db.SaveChangesAsync();
        return client.Id;
    }

    /// <summary>Opens a work order about a client through /Arenden/Nytt and returns its id (from the redirect to its page).</summary>
    public static async Task<Guid> OpenOrder(this PageSession session, RoutineKind kind, Guid clientId)
    {
        var response = await session.PostFormAsync($"/Arenden/Nytt?klient={clientId}", new()
        {
            ["Input.Kind"] = kind.ToString(), ["Input.ClientId"] = clientId.ToString(),
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Opening {kind} failed: {(int)response.StatusCode} {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    public static async Task<WorkOrder> OrderRow(this NyckelfriApp app, Guid id)
    {
        await using var db = app.SystemContext();
        return await db.WorkOrders.AsNoTracking().Include(w => w.Answers).SingleAsync(w => w.Id == id);
    }

    /// <summary>Sets the due date straight in the database, as if the order step had been completed long ago.</summary>
    public static async Task SetDue(this NyckelfriApp app, Guid id, DateOnly due)
    {
        await using var db = app.SystemContext();
        var order = await db.WorkOrders.SingleAsync(w => w.Id == id);
        order.SetDue(due);
        await db.SaveChangesAsync();
    }

    public static async Task<string> Html(this PageSession session, string path) =>
        WebUtility.HtmlDecode(await session.Client.GetStringAsync(path));
}
