using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Households;

namespace Nyckelfri.UnitTests.Devices;

/// <summary>
/// The buttons a device page offers (<see cref="DeviceActions.Allowed"/>) are exactly the transitions
/// the domain accepts: every offered action succeeds, every other one is refused.
/// </summary>
public sealed class DeviceActionsTests
{
    public enum State { InStock, Reserved, Installed, FaultyOnTheDoor, FaultyOffTheDoor, InRepair, Scrapped }

    public static readonly TheoryData<State, DeviceAction> Every = Cases();

    [Theory, MemberData(nameof(Every))]
    public void Allowed_OffersAnAction_ExactlyWhenTheDomainAcceptsIt(State state, DeviceAction action)
    {
        var world = new World();
        var device = world.DeviceIn(state);
        var offered = DeviceActions.Allowed(device.Status, (device.HouseholdId ?? device.EntranceId) is not null).Contains(action);

        var refusal = Record.Exception(() => world.Apply(device, action));

        if (offered) refusal.ShouldBeNull();
        else refusal.ShouldBeOfType<RuleViolationException>();
    }

    [Fact]
    public void Allowed_Scrapped_OffersNothing() =>
        DeviceActions.Allowed(DeviceStatus.Scrapped, linked: false).ShouldBeEmpty();

    private static TheoryData<State, DeviceAction> Cases()
    {
        var data = new TheoryData<State, DeviceAction>();
        foreach (var state in Enum.GetValues<State>())
            foreach (var action in Enum.GetValues<DeviceAction>())
                data.Add(state, action);
        return data;
    }

    private sealed class World
    {
        private readonly DeviceModel _model;
        private readonly StockLocation _store;
        private readonly Household _household;

        public World()
        {
            var address = new AddressBuilder().Build();
            _model = new DeviceModel(address.MunicipalityId, DeviceKind.LockUnit, "Testlås", "Leverantören");
            _store = new StockLocation(address.MunicipalityId, "Vaktmästeriet");
            _household = new Household(address, "1101");
        }

        public Device DeviceIn(State state)
        {
            var device = new Device(_model, "SN-1", "K-1", _store, null);
            switch (state)
            {
                case State.Reserved: device.Reserve(_household); break;
                case State.Installed: Install(device); break;
                case State.FaultyOnTheDoor: Install(device); device.ReportFault("Låser inte"); break;
                case State.FaultyOffTheDoor: device.ReportFault("Trasig i kartongen"); break;
                case State.InRepair: device.ReportFault("Trasig"); device.SendForRepair(); break;
                case State.Scrapped: device.Scrap("Uttjänt"); break;
            }
            return device;
        }

        public void Apply(Device device, DeviceAction action)
        {
            switch (action)
            {
                case DeviceAction.Reserve: device.Reserve(_household); break;
                case DeviceAction.CancelReservation: device.CancelReservation(); break;
                case DeviceAction.Install: Install(device); break;
                case DeviceAction.Uninstall: device.Uninstall(_store); break;
                case DeviceAction.ReportFault: device.ReportFault("Fel"); break;
                case DeviceAction.ResolveFault: device.ResolveFault(); break;
                case DeviceAction.SendForRepair: device.SendForRepair(); break;
                case DeviceAction.ReturnFromRepair: device.ReturnFromRepair(_store); break;
                case DeviceAction.Scrap: device.Scrap("Uttjänt"); break;
                default: throw new ArgumentOutOfRangeException(nameof(action));
            }
        }

        private void Install(Device device) => device.Install(_household, mountedLock: null, TestClock.Today);
    }
}
