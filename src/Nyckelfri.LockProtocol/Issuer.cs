using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The municipality's side: signs credentials and revocation lists with its issuing key. It
/// checks the protocol's limits (a window of at most 12 h that ends after it starts, a real P-256
/// device key); whether the employee may open the lock at all is the server's question, asked
/// before it calls <see cref="Issue"/>.
/// </summary>
public sealed class Issuer
{
    private readonly ECDsa _key;

    // ECDsa instances are not documented as safe for concurrent use; the server issues from many
    // requests at once through one issuer.
    private readonly Lock _gate = new();

    // Checking that a device key is a point on the curve costs more than the signature itself on
    // OpenSSL, and a phone asks for many credentials a day: keys found good are remembered.
    private const int ValidatedKeysRemembered = 10_000;
    private readonly ConcurrentDictionary<string, byte> _validatedDeviceKeys = new(StringComparer.Ordinal);

    /// <param name="keyId">How locks find the matching public key (<see cref="KeyIds"/>).</param>
    /// <param name="key">A P-256 key with its private part. The issuer does not own or dispose it.</param>
    public Issuer(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!KeyIds.IsValid(keyId))
            throw new ArgumentException("A key id is 1–32 characters of A–Z, a–z, 0–9, '.', '_' and '-'.", nameof(keyId));
        if (!P256.IsP256(key))
            throw new ArgumentException("The issuing key must be an ECDSA key on P-256.", nameof(key));
        KeyId = keyId;
        _key = key;
    }

    public string KeyId { get; }

    /// <summary>The public half, as a lock is configured to trust it.</summary>
    public TrustedIssuer Trusted() => new(KeyId, P256.ExportPublicKey(_key));

    /// <summary>
    /// A credential for one employee's phone to one lock. Times are cut to whole seconds. Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a window that ends before it starts or lasts
    /// longer than <see cref="Protocol.MaxValidity"/>, and <see cref="ArgumentException"/> for a
    /// device key that is not a P-256 point.
    /// </summary>
    public Credential Issue(Guid employeeId, ReadOnlySpan<byte> holderPublicKey, Guid lockId,
        DateTimeOffset validFrom, DateTimeOffset validUntil, CredentialKind kind = CredentialKind.Normal)
    {
        if (!IsValidDeviceKey(holderPublicKey))
            throw new ArgumentException("The device key must be a P-256 point as 0x04 || X || Y (65 bytes).", nameof(holderPublicKey));
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown credential kind.");

        var from = WholeSeconds(validFrom);
        var until = WholeSeconds(validUntil);
        if (from.ToUnixTimeSeconds() < 0)
            throw new ArgumentOutOfRangeException(nameof(validFrom), validFrom, "A window cannot start before 1970.");
        if (until <= from)
            throw new ArgumentOutOfRangeException(nameof(validUntil), validUntil, "The window must end after it starts.");
        if (until - from > Protocol.MaxValidity)
            throw new ArgumentOutOfRangeException(nameof(validUntil), validUntil,
                $"A credential is valid for at most {Protocol.MaxValidity.TotalHours:0} hours.");

        var credentialId = new Guid(RandomNumberGenerator.GetBytes(Protocol.IdLength), bigEndian: true);
        lock (_gate)
            return Credential.Sign(_key, KeyId, credentialId, employeeId, holderPublicKey, lockId, from, until, kind);
    }

    /// <summary>
    /// A revocation list. <paramref name="listVersion"/> must be higher than every list issued
    /// before (locks accept only a newer one); the server keeps the counter. Duplicates are dropped
    /// and entries sorted, so a list has one encoding.
    /// </summary>
    public RevocationList IssueRevocationList(long listVersion, DateTimeOffset issuedAt,
        IEnumerable<Guid>? credentialIds = null, IEnumerable<byte[]>? holderKeyHashes = null, IEnumerable<Guid>? employeeIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listVersion, 1);
        var at = WholeSeconds(issuedAt);
        if (at.ToUnixTimeSeconds() < 0)
            throw new ArgumentOutOfRangeException(nameof(issuedAt), issuedAt, "A list cannot be issued before 1970.");
        var hashes = (holderKeyHashes ?? []).ToList();
        if (hashes.Exists(h => h is null || h.Length != Protocol.HashLength))
            throw new ArgumentException("A device key hash is the 32-byte SHA-256 of the 65-byte public key.", nameof(holderKeyHashes));

        lock (_gate)
            return RevocationList.Sign(_key, KeyId, listVersion, at, credentialIds ?? [], hashes, employeeIds ?? []);
    }

    /// <summary>
    /// An issuer key set signed with this issuer's key (<see cref="IssuerKeySet"/>): the server signs each
    /// new set with the key that signs credentials when the set is published, which the locks trust.
    /// </summary>
    public IssuerKeySet SignKeySet(long setVersion, DateTimeOffset issuedAt, IEnumerable<TrustedIssuer> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
            return IssuerKeySet.Sign(_key, KeyId, setVersion, issuedAt, keys);
    }

    private bool IsValidDeviceKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Protocol.PublicKeyLength)
            return false;
        var id = Convert.ToHexString(publicKey);
        if (_validatedDeviceKeys.ContainsKey(id))
            return true;
        if (!P256.TryImportPublicKey(publicKey, out var key))
            return false;
        key.Dispose();
        if (_validatedDeviceKeys.Count >= ValidatedKeysRemembered)
            _validatedDeviceKeys.Clear();
        _validatedDeviceKeys.TryAdd(id, 0);
        return true;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}

/// <summary>An issuer key a lock trusts: its id and its public key as 0x04 || X || Y.</summary>
public sealed record TrustedIssuer(string KeyId, byte[] PublicKey);
