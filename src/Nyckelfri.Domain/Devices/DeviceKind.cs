namespace Nyckelfri.Devices;

/// <summary>The four kinds of device a municipality keeps (SPEC §4, seed 001).</summary>
public enum DeviceKind
{
    /// <summary>Låsenhet, låsvred: mounted on the inside of one household's door.</summary>
    LockUnit,

    /// <summary>Portenhet, portlås: on a building entrance, shared by every client behind it.</summary>
    EntranceUnit,

    /// <summary>Nyckelgömma: a locked box at the home holding the client's physical key.</summary>
    KeySafe,

    /// <summary>Medicinskåp: a locked cabinet for medicines in the home.</summary>
    MedicineCabinet,
}

/// <summary>
/// Where a device is in its life (SPEC §4):
/// in stock → reserved → installed → faulty → in repair → back in stock or installed → scrapped.
/// </summary>
public enum DeviceStatus
{
    /// <summary>On a shelf at a stock location, free to be reserved or installed.</summary>
    InStock,

    /// <summary>Set aside for one household or entrance; still at its stock location.</summary>
    Reserved,

    /// <summary>Mounted and linked: a lock unit to exactly one household, an entrance unit to exactly one entrance.</summary>
    Installed,

    /// <summary>Reported not working. Still linked if it is still mounted (a faulty lock is still the household's lock).</summary>
    Faulty,

    /// <summary>Taken down and sent to the supplier; linked to nothing, at no stock location.</summary>
    InRepair,

    /// <summary>Out of use for good. The end of the line: nothing follows.</summary>
    Scrapped,
}

public static class DeviceNames
{
    public static string SwedishName(DeviceKind kind) => kind switch
    {
        DeviceKind.LockUnit => "Låsenhet",
        DeviceKind.EntranceUnit => "Portenhet",
        DeviceKind.KeySafe => "Nyckelgömma",
        DeviceKind.MedicineCabinet => "Medicinskåp",
        _ => kind.ToString(),
    };

    public static string SwedishName(DeviceStatus status) => status switch
    {
        DeviceStatus.InStock => "I lager",
        DeviceStatus.Reserved => "Reserverad",
        DeviceStatus.Installed => "Installerad",
        DeviceStatus.Faulty => "Felanmäld",
        DeviceStatus.InRepair => "På reparation",
        DeviceStatus.Scrapped => "Skrotad",
        _ => status.ToString(),
    };

    /// <summary>Mounted at a household door (lock unit, key safe, medicine cabinet) rather than at an entrance.</summary>
    public static bool BelongsToHousehold(DeviceKind kind) => kind != DeviceKind.EntranceUnit;
}
