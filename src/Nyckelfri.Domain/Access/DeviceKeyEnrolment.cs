namespace Nyckelfri.Access;

/// <summary>
/// A fresh server challenge for one device-key enrolment (docs/digital-keys.md, "Device keys"): random,
/// for one login and one digital key, open for a few minutes and used up by the first proof that names
/// it, whether that proof is good or not.
/// </summary>
public sealed class DeviceKeyChallenge
{
    /// <summary>How long a challenge waits for its proof.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private DeviceKeyChallenge() { }

    public DeviceKeyChallenge(Guid municipalityId, string userId, Guid digitalKeyId, byte[] challenge, DateTime issuedAt)
    {
        MunicipalityId = municipalityId;
        UserId = userId;
        DigitalKeyId = digitalKeyId;
        Challenge = challenge;
        IssuedAt = issuedAt;
        ExpiresAt = issuedAt + Lifetime;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; private set; }

    /// <summary>The login that asked: only that login's proof may use it.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>
    /// The digital key the proof is for: an existing key, or the id a key about to be registered will
    /// get (the alarm centre asks for a challenge before the key exists).
    /// </summary>
    public Guid DigitalKeyId { get; private set; }

    public byte[] Challenge { get; private set; } = [];
    public DateTime IssuedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Set by the first proof that names the challenge; never cleared.</summary>
    public DateTime? UsedAt { get; private set; }
}

/// <summary>
/// A device key that a digital key no longer carries because a new device was enrolled in its place
/// (a web-app key moved to a new phone or browser). Its hash stays on every revocation list, so that a
/// credential already on the old device stops at each lock that has the list.
/// </summary>
public sealed class ReplacedDeviceKey
{
    private ReplacedDeviceKey() { }

    public ReplacedDeviceKey(Guid municipalityId, Guid digitalKeyId, byte[] holderKeyHash, DateTime replacedAt, string replacedBy)
    {
        MunicipalityId = municipalityId;
        DigitalKeyId = digitalKeyId;
        HolderKeyHash = holderKeyHash;
        ReplacedAt = replacedAt;
        ReplacedBy = replacedBy;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid DigitalKeyId { get; private set; }

    /// <summary>SHA-256 of the replaced 0x04 ‖ X ‖ Y: what the revocation list carries.</summary>
    public byte[] HolderKeyHash { get; private set; } = [];
    public DateTime ReplacedAt { get; private set; }
    public string ReplacedBy { get; private set; } = "";
}
