using Microsoft.EntityFrameworkCore;
using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.Devices;
using Nyckelfri.Services;
using Nyckelfri.Testing;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>Issue 3 as its users meet it: the caretaker receives and mounts locks; a provider signs for keys.</summary>
public sealed class DevicesAndKeysTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public async Task Installer_ReceivesThreeLocks_InstallsOneAtAClientsHousehold_ClientPageShowsIt()
    {
        var order = await OpenOrderWithLockUnitsLeft();
        var client = await ClientWaitingForALock();
        var serials = Enumerable.Range(1, 3).Select(i => $"PH3-T{Random.Shared.Next(100_000, 999_999)}{i}").ToArray();

        await using var browser = await OpenBrowser();
        var start = await (await LoginPage.Open(browser)).LoginAs("montor");
        var delivery = await (await (await start.GoToStock()).ReceiveDelivery())
            .ForOrder(order.Reference);
        await (await (await delivery.OfModel(order.ModelName)).Scan(serials)).Receive();

        (await delivery.ReceivedHeading()).ShouldStartWith($"3 st {order.ModelName} mottagna");
        (await delivery.ReceivedSerials()).ShouldBe(serials);

        var clientPage = await ClientPage.Open(browser, client);
        (await clientPage.HouseholdDevices()).ShouldBeEmpty("the client is still waiting for a lock");
        var install = await clientPage.InstallLock();
        await install.Mount(serials[0].ToLowerInvariant(), keyNumber: $"N-T{Random.Shared.Next(10_000, 99_999)}");

        clientPage = await ClientPage.Open(browser, client);
        (await clientPage.HouseholdDevices()).ShouldBe([$"Låsenhet {serials[0]}"]);
        await Fixture.Query(async db =>
        {
            var mounted = await db.Devices.SingleAsync(d => d.SerialNumber == serials[0]);
            mounted.Status.ShouldBe(DeviceStatus.Installed);
            (await db.Devices.CountAsync(d => serials.Contains(d.SerialNumber) && d.Status == DeviceStatus.InStock)).ShouldBe(2);
            return true;
        });
    }

    [BrowserFact]
    public async Task Coordinator_HandsOutKeys_PrintsTheKeyReceipt()
    {
        await using var browser = await OpenBrowser();
        var clients = await (await (await LoginPage.Open(browser)).LoginAs("samordnare")).GoToClients();
        var row = (await clients.Rows()).First();
        var clientPage = await clients.OpenClient(row);
        var form = await clientPage.HandOutKeys();
        var clientName = string.Join(' ', row.Name.Split(", ").Reverse());
        (await form.GiverName()).ShouldBe(clientName, "the client hands over their own keys");

        var keyNumber = $"F-T{Random.Shared.Next(1000, 9999)}";
        var receipt = await form.Register(new KeyHandOutPage.HandOut(keyNumber, 2, "Karin Personal"));

        (await receipt.Heading()).ShouldBe("Nyckelkvittens");
        (await receipt.KeyNumber()).ShouldBe(keyNumber);
        var text = await receipt.ReceiptText();
        text.ShouldContain(clientName);
        text.ShouldContain("Karin Personal");
        (await receipt.SignatureLines()).ShouldBe(4, "a signature and a printed name for each party");
        (await receipt.PrintButtonIsShown()).ShouldBeTrue();

        await receipt.ViewAsPrinted();
        (await receipt.PrintButtonIsShown()).ShouldBeFalse("buttons are not printed");
        (await receipt.Menu.HeaderIsShown()).ShouldBeFalse("the menu is not printed");
        (await receipt.KeyNumber()).ShouldBe(keyNumber);
    }

    private sealed record OrderToReceive(string Reference, string ModelName);

    /// <summary>The demo's open purchase order that still waits for at least three lock units.</summary>
    private Task<OrderToReceive> OpenOrderWithLockUnitsLeft() => Fixture.Query(async db =>
    {
        var line = await db.PurchaseOrderLines
            .Where(l => l.Model!.Kind == DeviceKind.LockUnit && l.Ordered - l.Delivered >= 3
                        && db.PurchaseOrders.Any(o => o.Id == l.PurchaseOrderId && o.Status == PurchaseOrderStatus.Open))
            .Select(l => new { l.PurchaseOrderId, ModelName = l.Model!.Name })
            .FirstAsync();
        var number = await db.PurchaseOrders.Where(o => o.Id == line.PurchaseOrderId).Select(o => o.Number).SingleAsync();
        return new OrderToReceive(PurchaseOrder.FormatNumber(number), line.ModelName);
    });

    /// <summary>A client of Demo kommun (not Demo Botkyrka) with home care whose household has no lock mounted or reserved yet.</summary>
    private Task<Guid> ClientWaitingForALock() => Fixture.Query(async db =>
    {
        var today = RunClock.Today; // the app's "today": the Swedish date
        var demo = await db.Municipalities.Where(m => m.Code == "demo").Select(m => m.Id).SingleAsync();
        return await db.Clients
            .Where(c => c.MunicipalityId == demo && !c.HasCodeLock && !c.AgreedNoInstall && !c.OpensDoorThemself
                        && c.Services.Any(s => s.Kind == CareServiceKind.HomeCare && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
                        && !db.Devices.Any(d => d.HouseholdId == c.HouseholdId && d.Kind == DeviceKind.LockUnit))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => c.Id)
            .FirstAsync();
    });
}
