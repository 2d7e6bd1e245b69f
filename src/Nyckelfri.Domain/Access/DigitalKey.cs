using Nyckelfri.Common;
using Nyckelfri.Keys;

namespace Nyckelfri.Access;

public enum DigitalKeyKind
{
    /// <summary>The staff app on a work phone: the phone's key pair never leaves the phone.</summary>
    PhoneApp,

    /// <summary>A key fob with its own key pair, activated by a 2-factor device (seed 001).</summary>
    KeyFob,

    /// <summary>
    /// The web app acting as the staff app (the demo and staff without a work phone): the browser makes
    /// the key pair (WebCrypto, not extractable) and keeps it; the server records only the public half,
    /// enrolled by the employee's browser with a proof of possession. Until then the key has no device key.
    /// </summary>
    WebApp,
}

public enum DigitalKeyStatus
{
    /// <summary>Ordered for a named employee by their unit manager; not yet made ready.</summary>
    Ordered,

    /// <summary>Ready, on a shelf: at the alarm centre or in the staffing unit's stock for substitutes.</summary>
    InStock,

    /// <summary>Signed out to an employee against a receipt.</summary>
    Issued,

    /// <summary>Lost or stolen: useless at once, for good. A new key is a new issue.</summary>
    Blocked,

    /// <summary>Taken out of use (worn out, or returned and not to be used again).</summary>
    Retired,
}

/// <summary>Who keeps a key that is not out with an employee.</summary>
public enum KeyStock { AlarmCentre, StaffingUnit }

/// <summary>
/// An employee's digital key (SPEC §6, seed 001): the thing that holds the P-256 key pair a credential is
/// bound to. It is ordered by the unit manager, made ready and signed out by the alarm centre (or the
/// staffing unit from its stock for substitutes), returned at the end of employment or a long leave,
/// and blocked at once when lost. A blocked key stays blocked: access comes back with a new key.
/// </summary>
public sealed class DigitalKey : Entity
{
    public const int MaxKeyNumberLength = 40;

    private DigitalKey() { }

    /// <param name="holderPublicKey">The device key; empty for a web-app key, whose browser enrols one later.</param>
    /// <param name="id">The id the enrolment proof was made for, when the key is registered with one.</param>
    public DigitalKey(Guid municipalityId, string keyNumber, DigitalKeyKind kind, byte[] holderPublicKey, KeyStock stock, Guid? id = null)
    {
        if (id is { } given) Id = given;
        MunicipalityId = municipalityId;
        KeyNumber = Normalise(keyNumber);
        Kind = kind;
        HolderPublicKey = holderPublicKey;
        HolderKeyHash = HashOf(holderPublicKey);
        Status = DigitalKeyStatus.InStock;
        Stock = stock;
    }

    /// <summary>
    /// A key ordered for a named employee (seed 001: the unit manager orders it for a new employee) whose
    /// key number and key pair are not known yet: it carries its order number until the alarm centre makes
    /// it ready (<see cref="MakeReady(string, byte[])"/>).
    /// </summary>
    public static DigitalKey Order(Guid municipalityId, DigitalKeyKind kind, Guid employeeId, string orderedBy)
    {
        var key = new DigitalKey
        {
            MunicipalityId = municipalityId,
            Kind = kind,
            Status = DigitalKeyStatus.Ordered,
            Stock = KeyStock.AlarmCentre,
            EmployeeId = employeeId,
            OrderedBy = orderedBy,
        };
        key.KeyNumber = OrderNumberOf(key.Id);
        return key;
    }

    /// <summary>The placeholder key number of an order: "BEST-" and the end of the id.</summary>
    public static string OrderNumberOf(Guid id) => "BEST-" + id.ToString("N")[^8..].ToUpperInvariant();

    /// <summary>A key ordered for a named employee whose key number and key pair are already known.</summary>
    public static DigitalKey Order(Guid municipalityId, string keyNumber, DigitalKeyKind kind, byte[] holderPublicKey, Guid employeeId, string orderedBy)
    {
        var key = new DigitalKey(municipalityId, keyNumber, kind, holderPublicKey, KeyStock.AlarmCentre)
        {
            Status = DigitalKeyStatus.Ordered,
            EmployeeId = employeeId,
            OrderedBy = orderedBy,
        };
        return key;
    }

    public string KeyNumber { get; private set; } = "";
    public DigitalKeyKind Kind { get; private set; }
    public DigitalKeyStatus Status { get; private set; }

    /// <summary>The holder's P-256 public key, 0x04 || X || Y (65 bytes): credentials are bound to it.</summary>
    public byte[] HolderPublicKey { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="HolderPublicKey"/>: what a revocation list carries.</summary>
    public byte[] HolderKeyHash { get; private set; } = [];

    /// <summary>The employee it is issued to (or ordered for).</summary>
    public Guid? EmployeeId { get; private set; }

    /// <summary>Who keeps it while it is not out: the alarm centre or the staffing unit.</summary>
    public KeyStock Stock { get; private set; }
    public string? OrderedBy { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateOnly? ReturnedOn { get; private set; }
    public DateTime? BlockedAt { get; private set; }
    public string? BlockReason { get; private set; }

    /// <summary>Where the key is kept when not carried (never with its 2-factor device).</summary>
    public string? KeptAt { get; private set; }

    public bool CanOpen => Status == DigitalKeyStatus.Issued;

    /// <summary>An order not yet made ready, or a web-app key no browser has enrolled yet, has no device key.</summary>
    public bool HasKeyMaterial => HolderPublicKey.Length > 0;

    /// <summary>A web-app key gets its device key from the employee's browser after it is handed out.</summary>
    private bool DeviceKeyComesLater => Kind == DigitalKeyKind.WebApp;

    /// <summary>
    /// The employee's browser enrolled a device key (after the server checked its proof of possession).
    /// Returns the hash of the device key it replaces, which must go onto the revocation list, or null
    /// when there was none.
    /// </summary>
    public byte[]? EnrolDeviceKey(byte[] holderPublicKey)
    {
        Require(Kind == DigitalKeyKind.WebApp, "Bara en webbappsnyckel får sin enhetsnyckel från webbläsaren.");
        Require(Status == DigitalKeyStatus.Issued, "Nyckeln är inte utlämnad.");
        var replaced = HasKeyMaterial ? HolderKeyHash : null;
        HolderPublicKey = holderPublicKey;
        HolderKeyHash = HashOf(holderPublicKey);
        return replaced;
    }

    private static byte[] HashOf(byte[] publicKey) => publicKey.Length == 0 ? [] : System.Security.Cryptography.SHA256.HashData(publicKey);

    public static string Normalise(string keyNumber) => keyNumber.Trim().ToUpperInvariant();

    /// <summary>An ordered key made ready: it goes on the shelf for its employee.</summary>
    public void MakeReady()
    {
        Require(Status == DigitalKeyStatus.Ordered, "Bara en beställd nyckel kan färdigställas.");
        Require(HasKeyMaterial || DeviceKeyComesLater, "Ange nyckelnummer och nyckelns publika nyckel när den färdigställs.");
        Status = DigitalKeyStatus.InStock;
    }

    /// <summary>An ordered key made ready with its real key number and key pair.</summary>
    public void MakeReady(string keyNumber, byte[] holderPublicKey)
    {
        Require(Status == DigitalKeyStatus.Ordered, "Bara en beställd nyckel kan färdigställas.");
        KeyNumber = Normalise(keyNumber);
        HolderPublicKey = holderPublicKey;
        HolderKeyHash = HashOf(holderPublicKey);
        Status = DigitalKeyStatus.InStock;
    }

    /// <summary>
    /// Signs the key out to an employee. A key ordered for someone (made ready or not) goes only to the
    /// employee it was ordered for.
    /// </summary>
    public void Issue(Guid employeeId, DateOnly on, string? keptAt)
    {
        Require(Status is DigitalKeyStatus.InStock or DigitalKeyStatus.Ordered,
            Status == DigitalKeyStatus.Blocked ? "En spärrad nyckel kan inte lämnas ut igen: lämna ut en ny nyckel." : "Nyckeln är redan utlämnad eller tagen ur bruk.");
        Require(HasKeyMaterial || DeviceKeyComesLater, "Nyckeln måste färdigställas innan den lämnas ut.");
        // Only an ordered key keeps its employee while not issued (a returned key forgets its holder).
        if (EmployeeId is { } orderedFor && orderedFor != employeeId)
            throw new RuleViolationException("digital-key-ordered-for-other", "Nyckeln är beställd till en annan medarbetare.");
        Status = DigitalKeyStatus.Issued;
        EmployeeId = employeeId;
        IssuedOn = on;
        ReturnedOn = null;
        KeptAt = Clean(keptAt);
    }

    /// <summary>Back from the employee (end of employment, long leave, end of a substitute's booking): on the shelf again.</summary>
    public void Return(DateOnly on, KeyStock to)
    {
        Require(Status == DigitalKeyStatus.Issued, "Bara en utlämnad nyckel kan återlämnas.");
        Status = DigitalKeyStatus.InStock;
        Stock = to;
        EmployeeId = null;
        ReturnedOn = on;
        KeptAt = null;
    }

    /// <summary>Lost or stolen: immediate and final. The server issues nothing more to it.</summary>
    public void Block(string reason, DateTime at)
    {
        Require(Status != DigitalKeyStatus.Blocked, "Nyckeln är redan spärrad.");
        Require(Status != DigitalKeyStatus.Retired, "Nyckeln är tagen ur bruk.");
        Require(HasKeyMaterial || (DeviceKeyComesLater && Status != DigitalKeyStatus.Ordered),
            "Beställningen har ingen nyckel ännu: avbeställ den (ta ur bruk) i stället.");
        Status = DigitalKeyStatus.Blocked;
        BlockedAt = at;
        BlockReason = reason;
    }

    public void Retire()
    {
        Require(Status is DigitalKeyStatus.InStock or DigitalKeyStatus.Ordered, "Bara en nyckel i lager kan tas ur bruk.");
        Status = DigitalKeyStatus.Retired;
        EmployeeId = null;
    }

    public void MoveStock(KeyStock to)
    {
        Require(Status == DigitalKeyStatus.InStock, "Bara en nyckel i lager kan flyttas.");
        Require(Stock != to, "Nyckeln ligger redan i det lagret.");
        Require(EmployeeId is null, "Nyckeln är beställd till en medarbetare och ska ligga kvar hos Trygghetslarmscentralen.");
        Stock = to;
    }

    /// <summary>Where the employee keeps the key when not carrying it; only an issued key has such a place.</summary>
    public void KeepAt(string? place)
    {
        Require(Status == DigitalKeyStatus.Issued, "Bara en utlämnad nyckel har en förvaringsplats.");
        KeptAt = Clean(place);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new RuleViolationException("digital-key-illegal-transition", message);
    }

    /// <summary>A key and its 2-factor device are never kept together (seed 001).</summary>
    public static bool KeptTogether(string? keyPlace, string? devicePlace) =>
        keyPlace is not null && devicePlace is not null &&
        string.Equals(SearchText.Of(keyPlace), SearchText.Of(devicePlace), StringComparison.Ordinal);

    public static string SwedishName(DigitalKeyStatus status) => status switch
    {
        DigitalKeyStatus.Ordered => "Beställd",
        DigitalKeyStatus.InStock => "I lager",
        DigitalKeyStatus.Issued => "Utlämnad",
        DigitalKeyStatus.Blocked => "Spärrad",
        DigitalKeyStatus.Retired => "Ur bruk",
        _ => status.ToString(),
    };

    public static string SwedishName(DigitalKeyKind kind) => kind switch
    {
        DigitalKeyKind.PhoneApp => "App i tjänstetelefon",
        DigitalKeyKind.KeyFob => "Nyckelbricka",
        DigitalKeyKind.WebApp => "Webbapp",
        _ => kind.ToString(),
    };

    public static string SwedishName(KeyStock stock) => stock switch
    {
        KeyStock.AlarmCentre => "Trygghetslarmscentralen",
        KeyStock.StaffingUnit => "Bemanningsenheten",
        _ => stock.ToString(),
    };
}
