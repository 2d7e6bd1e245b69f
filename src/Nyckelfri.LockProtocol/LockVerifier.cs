using System.Security.Cryptography;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The lock's side of the protocol: the code a lock's firmware runs. It hands out challenges,
/// each with a fresh random nonce it accepts once and only for a short while, and decides on each
/// response. It never throws for what arrives over the air: anything that does not parse is
/// refused as <see cref="RefusalReason.Malformed"/>. One instance per lock; calls are serialised,
/// as on a lock's single core.
/// </summary>
public sealed class LockVerifier : IDisposable
{
    private const int HolderKeyCacheSize = 16;

    private readonly LockConfiguration _configuration;
    private readonly Dictionary<string, ECDsa> _issuers = new(StringComparer.Ordinal);
    private readonly List<OpenChallenge> _openChallenges = [];

    // A lock sees the same few phones every day, and turning a device key into a verification key
    // costs as much as a signature check (the platform validates the point). Keyed by the exact bytes.
    private readonly Dictionary<string, ECDsa> _holderKeys = new(StringComparer.Ordinal);
    private readonly Queue<string> _holderKeysOldestFirst = new();
    private readonly long _skewSeconds;
    private readonly Lock _gate = new();
    private RevocationList? _revocationList;
    private long _issuerKeySetVersion;

    public LockVerifier(LockConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentOutOfRangeException.ThrowIfLessThan(configuration.AllowedSkew, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(configuration.ChallengeLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(configuration.MaxOpenChallenges, 1);
        _configuration = configuration;
        _skewSeconds = (long)configuration.AllowedSkew.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfNegative(configuration.IssuerKeySetVersion);
        foreach (var issuer in configuration.TrustedIssuers)
            AddTrustedIssuer(issuer);
        _issuerKeySetVersion = configuration.IssuerKeySetVersion;
    }

    public Guid LockId => _configuration.LockId;

    /// <summary>0 until the lock has taken its first list.</summary>
    public long RevocationListVersion
    {
        get
        {
            lock (_gate)
                return _revocationList?.ListVersion ?? 0;
        }
    }

    /// <summary>The version of the issuer key set the lock trusts (0: the keys it was commissioned with).</summary>
    public long IssuerKeySetVersion
    {
        get
        {
            lock (_gate)
                return _issuerKeySetVersion;
        }
    }

    /// <summary>The key ids the lock trusts now, ascending.</summary>
    public IReadOnlyList<string> TrustedKeyIds
    {
        get
        {
            lock (_gate)
                return [.. _issuers.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public RevocationList? RevocationList
    {
        get
        {
            lock (_gate)
                return _revocationList;
        }
    }

    /// <summary>A challenge with a fresh nonce, open for <see cref="LockConfiguration.ChallengeLifetime"/>.</summary>
    public Challenge IssueChallenge()
    {
        var nonce = RandomNumberGenerator.GetBytes(Protocol.LockNonceLength);
        lock (_gate)
        {
            var now = _configuration.Clock.GetUtcNow();
            _openChallenges.RemoveAll(c => c.ExpiresAt < now);
            if (_openChallenges.Count >= _configuration.MaxOpenChallenges)
                _openChallenges.RemoveAt(0);
            _openChallenges.Add(new OpenChallenge(nonce, now + _configuration.ChallengeLifetime));
            return new Challenge(LockId, nonce, now);
        }
    }

    /// <summary>Decides on a response as it arrived over the air.</summary>
    public VerificationResult Verify(ReadOnlySpan<byte> response) =>
        Response.TryDecode(response, out var decoded, out var reason) ? Verify(decoded) : VerificationResult.Refuse(reason);

    /// <summary>
    /// Decides on a response. The challenge it answers is used up whatever the outcome, so a
    /// transcript can be played to the lock once at most, and only while its challenge is open.
    /// </summary>
    public VerificationResult Verify(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var credential = response.Credential;
        lock (_gate)
        {
            var now = _configuration.Clock.GetUtcNow();
            var reason = TakeChallenge(response.Nonce, now);
            if (reason == RefusalReason.None)
                reason = CheckSignatures(response);
            if (reason == RefusalReason.None)
                reason = CheckWindow(credential, now);
            if (reason == RefusalReason.None)
                reason = CheckRevocation(credential);
            return reason == RefusalReason.None ? VerificationResult.Accept(credential) : VerificationResult.Refuse(reason, credential);
        }
    }

    /// <summary>Takes a revocation list as it arrived from a phone.</summary>
    public RevocationUpdateResult ApplyRevocationList(ReadOnlySpan<byte> encoded) =>
        RevocationList.TryDecode(encoded, out var list, out var reason)
            ? ApplyRevocationList(list)
            : new RevocationUpdateResult(reason, RevocationListVersion, null);

    /// <summary>Takes the list if a trusted issuer signed it and it is newer than the one the lock has.</summary>
    public RevocationUpdateResult ApplyRevocationList(RevocationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_gate)
        {
            var current = _revocationList?.ListVersion ?? 0;
            var reason = SignedByTrustedAndNewer(list.IssuerKeyId, list.IssuerSignatureMatches, list.ListVersion, current,
                RefusalReason.RevocationListNotNewer);
            if (reason == RefusalReason.None)
            {
                _revocationList = list;
                return new RevocationUpdateResult(RefusalReason.None, list.ListVersion, list.ListVersion);
            }
            return new RevocationUpdateResult(reason, current, list.ListVersion);
        }
    }

    /// <summary>Takes an issuer key set as it arrived from a phone.</summary>
    public IssuerKeySetUpdateResult ApplyIssuerKeySet(ReadOnlySpan<byte> encoded) =>
        IssuerKeySet.TryDecode(encoded, out var set, out var reason)
            ? ApplyIssuerKeySet(set)
            : new IssuerKeySetUpdateResult(reason, IssuerKeySetVersion, null);

    /// <summary>
    /// Takes the set if a key the lock trusts now signed it and it is newer than the one the lock has;
    /// from then on the lock trusts exactly the set's keys. Every key must be a point on P-256.
    /// </summary>
    public IssuerKeySetUpdateResult ApplyIssuerKeySet(IssuerKeySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        lock (_gate)
        {
            var current = _issuerKeySetVersion;
            var reason = SignedByTrustedAndNewer(set.SignerKeyId, set.SignatureMatches, set.SetVersion, current, RefusalReason.IssuerKeySetNotNewer);
            var keys = reason == RefusalReason.None ? ImportAll(set.Keys) : null;
            if (reason == RefusalReason.None && keys is null)
                reason = RefusalReason.Malformed;
            if (keys is not null)
            {
                foreach (var old in _issuers.Values)
                    old.Dispose();
                _issuers.Clear();
                foreach (var (keyId, key) in keys)
                    _issuers.Add(keyId, key);
                _issuerKeySetVersion = set.SetVersion;
                return new IssuerKeySetUpdateResult(RefusalReason.None, set.SetVersion, set.SetVersion);
            }
            return new IssuerKeySetUpdateResult(reason, current, set.SetVersion);
        }
    }

    /// <summary>
    /// The rule both signed updates follow (revocation list, issuer key set): signed by a key the lock
    /// trusts now, the signature verifies, and the version is above the one the lock has. Call under the gate.
    /// </summary>
    private RefusalReason SignedByTrustedAndNewer(string signerKeyId, Func<ECDsa, bool> signatureMatches, long offered, long current,
        RefusalReason notNewer)
    {
        if (!_issuers.TryGetValue(signerKeyId, out var signer)) return RefusalReason.UntrustedIssuer;
        if (!signatureMatches(signer)) return RefusalReason.IssuerSignatureInvalid;
        return offered <= current ? notNewer : RefusalReason.None;
    }

    /// <summary>All the set's keys as verification keys, or null (nothing kept) if one is not a point on the curve.</summary>
    private static List<(string KeyId, ECDsa Key)>? ImportAll(IReadOnlyList<TrustedIssuer> trusted)
    {
        var keys = new List<(string, ECDsa)>(trusted.Count);
        foreach (var issuer in trusted)
        {
            if (P256.TryImportPublicKey(issuer.PublicKey, out var key))
            {
                keys.Add((issuer.KeyId, key));
                continue;
            }
            foreach (var (_, imported) in keys)
                imported.Dispose();
            return null;
        }
        return keys;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var key in _issuers.Values.Concat(_holderKeys.Values))
                key.Dispose();
            _issuers.Clear();
            _holderKeys.Clear();
        }
    }

    private void AddTrustedIssuer(TrustedIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!KeyIds.IsValid(issuer.KeyId))
            throw new ArgumentException($"Issuer key id '{issuer.KeyId}' is not a valid key id.", nameof(issuer));
        if (_issuers.ContainsKey(issuer.KeyId))
            throw new ArgumentException($"Issuer key id '{issuer.KeyId}' is configured twice.", nameof(issuer));
        if (!P256.TryImportPublicKey(issuer.PublicKey, out var key))
            throw new ArgumentException($"Issuer key '{issuer.KeyId}' is not a P-256 public key.", nameof(issuer));
        _issuers.Add(issuer.KeyId, key);
    }

    /// <summary>Finds and removes the open challenge with this nonce.</summary>
    private RefusalReason TakeChallenge(ReadOnlySpan<byte> nonce, DateTimeOffset now)
    {
        for (var i = 0; i < _openChallenges.Count; i++)
        {
            var open = _openChallenges[i];
            if (open.Nonce.Length != nonce.Length || !CryptographicOperations.FixedTimeEquals(open.Nonce, nonce))
                continue;
            _openChallenges.RemoveAt(i);
            return open.ExpiresAt < now ? RefusalReason.ChallengeExpired : RefusalReason.None;
        }
        return RefusalReason.ChallengeUnknown;
    }

    private RefusalReason CheckSignatures(Response response)
    {
        var credential = response.Credential;
        if (!_issuers.TryGetValue(credential.IssuerKeyId, out var issuerKey))
            return RefusalReason.UntrustedIssuer;
        if (!credential.IssuerSignatureMatches(issuerKey))
            return RefusalReason.IssuerSignatureInvalid;
        if (credential.Validity > Protocol.MaxValidity)
            return RefusalReason.ValidityTooLong;
        if (credential.LockId != LockId)
            return RefusalReason.WrongLock;
        if (HolderKey(credential.HolderPublicKey) is not { } holderKey)
            return RefusalReason.Malformed;
        return response.HolderSignatureMatches(holderKey, LockId) ? RefusalReason.None : RefusalReason.HolderSignatureInvalid;
    }

    /// <summary>The verification key for a device key; null if the bytes are not a point on P-256.</summary>
    private ECDsa? HolderKey(ReadOnlySpan<byte> publicKey)
    {
        var id = Convert.ToHexString(publicKey);
        if (_holderKeys.TryGetValue(id, out var key))
            return key;
        if (!P256.TryImportPublicKey(publicKey, out key))
            return null;
        if (_holderKeys.Count >= HolderKeyCacheSize)
        {
            _holderKeys.Remove(_holderKeysOldestFirst.Dequeue(), out var oldest);
            oldest?.Dispose();
        }
        _holderKeys.Add(id, key);
        _holderKeysOldestFirst.Enqueue(id);
        return key;
    }

    /// <summary>Whole seconds: accepted from ValidFrom − skew to ValidUntil + skew, both ends included.</summary>
    private RefusalReason CheckWindow(Credential credential, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        if (seconds < credential.ValidFrom.ToUnixTimeSeconds() - _skewSeconds)
            return RefusalReason.NotYetValid;
        if (seconds > credential.ValidUntil.ToUnixTimeSeconds() + _skewSeconds)
            return RefusalReason.Expired;
        return RefusalReason.None;
    }

    private RefusalReason CheckRevocation(Credential credential)
    {
        var list = _revocationList;
        if (list is null)
            return RefusalReason.None;
        if (list.IsCredentialRevoked(credential.CredentialId))
            return RefusalReason.CredentialRevoked;
        if (list.IsHolderKeyRevoked(credential.HolderPublicKey))
            return RefusalReason.HolderKeyRevoked;
        if (list.IsEmployeeRevoked(credential.EmployeeId))
            return RefusalReason.EmployeeRevoked;
        return RefusalReason.None;
    }

    private sealed record OpenChallenge(byte[] Nonce, DateTimeOffset ExpiresAt);
}
