namespace Nyckelfri.Devices;

/// <summary>The named transitions of a device, as the pages and the API offer them.</summary>
public enum DeviceAction
{
    Reserve, CancelReservation, Install, Uninstall, ReportFault, ResolveFault, SendForRepair, ReturnFromRepair, Scrap,
}

/// <summary>
/// Which transitions a device's state allows now, so that a page offers only buttons that can work.
/// It mirrors the checks of <see cref="Device"/> (a unit test holds the two together); the domain
/// still decides when the action is carried out.
/// </summary>
public static class DeviceActions
{
    /// <param name="status">The device's status.</param>
    /// <param name="linked">Whether it is linked to a household or an entrance (so, when faulty, still on the door).</param>
    public static IReadOnlyList<DeviceAction> Allowed(DeviceStatus status, bool linked) => status switch
    {
        DeviceStatus.InStock => [DeviceAction.Reserve, DeviceAction.Install, DeviceAction.ReportFault, DeviceAction.Scrap],
        DeviceStatus.Reserved => [DeviceAction.CancelReservation, DeviceAction.Install, DeviceAction.ReportFault],
        DeviceStatus.Installed => [DeviceAction.Uninstall, DeviceAction.ReportFault],
        DeviceStatus.Faulty when linked => [DeviceAction.Uninstall, DeviceAction.ResolveFault, DeviceAction.SendForRepair],
        DeviceStatus.Faulty => [DeviceAction.ResolveFault, DeviceAction.SendForRepair, DeviceAction.Scrap],
        DeviceStatus.InRepair => [DeviceAction.Install, DeviceAction.ReturnFromRepair, DeviceAction.Scrap],
        _ => [],
    };

    public static string SwedishName(DeviceAction action) => action switch
    {
        DeviceAction.Reserve => "Reservera",
        DeviceAction.CancelReservation => "Ta bort reservationen",
        DeviceAction.Install => "Montera",
        DeviceAction.Uninstall => "Montera ned",
        DeviceAction.ReportFault => "Felanmäl",
        DeviceAction.ResolveFault => "Felet är åtgärdat",
        DeviceAction.SendForRepair => "Skicka på reparation",
        DeviceAction.ReturnFromRepair => "Ta emot från reparation",
        DeviceAction.Scrap => "Skrota",
        _ => action.ToString(),
    };
}
