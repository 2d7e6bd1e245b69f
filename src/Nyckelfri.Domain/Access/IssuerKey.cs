using Nyckelfri.Common;

namespace Nyckelfri.Access;

/// <summary>Where an issuer key is in its life; see <see cref="IssuerKey"/>.</summary>
public enum IssuerKeyStatus
{
    /// <summary>Made and published in the key set; locks learn it, it signs nothing until <see cref="IssuerKey.ActivatesAt"/>.</summary>
    Coming,

    /// <summary>The one key that signs new credentials, revocation lists and key sets.</summary>
    Signing,

    /// <summary>Replaced by a newer key; still in the key set, so the credentials it signed open until they expire.</summary>
    Previous,

    /// <summary>Dropped from the key set: locks that took the newer set no longer trust it.</summary>
    Retired,
}

/// <summary>
/// One of the municipality's credential-signing keys (ECDSA P-256), with its key id. The private half is
/// stored only encrypted by Data Protection. A municipality has several over time (rotation,
/// docs/key-custody.md): at any moment the signing key is the newest one whose <see cref="ActivatesAt"/>
/// has passed and that is not retired.
/// </summary>
public sealed class IssuerKey
{
    private IssuerKey() { }

    public IssuerKey(Guid municipalityId, string keyId, byte[] publicKey, string protectedPrivateKey, DateTime createdAt, DateTime activatesAt)
    {
        if (activatesAt < createdAt) throw new RuleViolationException("issuer-key-activation", "En nyckel kan inte börja gälla innan den skapats.");
        MunicipalityId = municipalityId;
        KeyId = keyId;
        PublicKey = publicKey;
        ProtectedPrivateKey = protectedPrivateKey;
        CreatedAt = createdAt;
        ActivatesAt = activatesAt;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public string KeyId { get; private set; } = "";
    public byte[] PublicKey { get; private set; } = [];
    public string ProtectedPrivateKey { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>When the key starts signing: at creation for a municipality's first key, after the rotation overlap for the next.</summary>
    public DateTime ActivatesAt { get; private set; }

    public DateTime? RetiredAt { get; private set; }

    /// <summary>Drops the key from the key set. The caller checks that its credentials have expired.</summary>
    public void Retire(DateTime now)
    {
        if (RetiredAt is not null) throw new RuleViolationException("issuer-key-retired", $"Nyckeln {KeyId} är redan tagen ur bruk.");
        RetiredAt = now;
    }
}

/// <summary>A signed issuer key set the server published (<c>IssuerKeySet</c> in the lock protocol); the newest is what phones carry to locks.</summary>
public sealed class IssuerKeySetRecord
{
    private IssuerKeySetRecord() { }

    public IssuerKeySetRecord(Guid municipalityId, long setVersion, DateTime issuedAt, string signedBy, byte[] encoded, int keys)
    {
        MunicipalityId = municipalityId;
        SetVersion = setVersion;
        IssuedAt = issuedAt;
        SignedBy = signedBy;
        Encoded = encoded;
        Keys = keys;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public long SetVersion { get; private set; }
    public DateTime IssuedAt { get; private set; }

    /// <summary>The key id of the key that signed the set.</summary>
    public string SignedBy { get; private set; } = "";

    public byte[] Encoded { get; private set; } = [];
    public int Keys { get; private set; }
}
