using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The municipality's signed, versioned set of issuer keys a lock is to trust: how a lock learns of a
/// new issuer key before that key signs anything, and forgets a retired one. It is signed by an
/// issuer key the lock already trusts (the municipality's signing key when the set is published), so
/// trust passes from key to key and never from anything a phone could make up. A set is complete, not
/// a delta: the lock trusts exactly the keys of the newest set it took. Keys are sorted by key id and
/// unique, so one set has one encoding. Layout: docs/lock-protocol.md, "Issuer key set".
/// </summary>
public sealed class IssuerKeySet
{
    /// <summary>A set names at least one key and at most this many (a retiring, a signing and a coming key, with room).</summary>
    public const int MaxKeys = 8;

    private readonly byte[] _encoded;

    private IssuerKeySet(byte[] encoded, string signerKeyId, long setVersion, DateTimeOffset issuedAt, IReadOnlyList<TrustedIssuer> keys)
    {
        _encoded = encoded;
        SignerKeyId = signerKeyId;
        SetVersion = setVersion;
        IssuedAt = issuedAt;
        Keys = keys;
    }

    public byte ProtocolVersion => _encoded[1];

    /// <summary>The key id of the issuer key that signed this set; the lock must already trust it.</summary>
    public string SignerKeyId { get; }

    /// <summary>Rises with every set the municipality publishes; never reused. A lock commissioned with keys only is at 0.</summary>
    public long SetVersion { get; }

    public DateTimeOffset IssuedAt { get; }

    /// <summary>The keys a lock trusts once it takes this set, ascending by key id.</summary>
    public IReadOnlyList<TrustedIssuer> Keys { get; }

    public ReadOnlySpan<byte> Encoded => _encoded;
    public ReadOnlySpan<byte> Signature => _encoded.AsSpan(_encoded.Length - Protocol.SignatureLength);
    internal ReadOnlySpan<byte> Body => _encoded.AsSpan(0, _encoded.Length - Protocol.SignatureLength);

    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary>
    /// Signs a set. <paramref name="setVersion"/> must be higher than every set published before; the
    /// server keeps the counter. Throws <see cref="ArgumentException"/> for no keys, too many, a repeated
    /// key id, an invalid key id or a public key that is not a P-256 point.
    /// </summary>
    public static IssuerKeySet Sign(Issuer signer, long setVersion, DateTimeOffset issuedAt, IEnumerable<TrustedIssuer> keys)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(keys);
        return signer.SignKeySet(setVersion, issuedAt, keys);
    }

    internal static IssuerKeySet Sign(ECDsa signerKey, string signerKeyId, long setVersion, DateTimeOffset issuedAt, IEnumerable<TrustedIssuer> keys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(setVersion, 1);
        var at = DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds());
        if (at.ToUnixTimeSeconds() < 0)
            throw new ArgumentOutOfRangeException(nameof(issuedAt), issuedAt, "A key set cannot be issued before 1970.");
        var sorted = keys.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.KeyId, b.KeyId));
        if (sorted.Count is 0 or > MaxKeys)
            throw new ArgumentException($"A key set names 1–{MaxKeys} keys.", nameof(keys));
        for (var i = 0; i < sorted.Count; i++)
        {
            var key = sorted[i];
            if (!KeyIds.IsValid(key.KeyId))
                throw new ArgumentException($"Key id '{key.KeyId}' is not a valid key id.", nameof(keys));
            if (i > 0 && sorted[i - 1].KeyId == key.KeyId)
                throw new ArgumentException($"Key id '{key.KeyId}' is named twice.", nameof(keys));
            if (!IsPoint(key.PublicKey))
                throw new ArgumentException($"Key '{key.KeyId}' is not a P-256 public key.", nameof(keys));
        }

        var writer = new WireWriter();
        writer.Byte((byte)MessageType.IssuerKeySet);
        writer.Byte(Protocol.Version);
        writer.KeyId(signerKeyId);
        writer.Int64(setVersion);
        writer.Time(at);
        writer.Byte((byte)sorted.Count);
        foreach (var key in sorted)
        {
            writer.KeyId(key.KeyId);
            writer.Raw(key.PublicKey);
        }
        writer.Raw(P256.Sign(signerKey, Signed.Bytes(Protocol.IssuerKeySetTag, writer.Written)));
        return new IssuerKeySet(writer.ToArray(), signerKeyId, setVersion, at,
            [.. sorted.Select(k => new TrustedIssuer(k.KeyId, (byte[])k.PublicKey.Clone()))]);
    }

    /// <summary>
    /// Parses a set. Never throws; <paramref name="reason"/> says why not. Checks the layout (counts,
    /// ascending unique key ids, 65-byte keys starting 0x04); whether each key is a point on the curve
    /// is checked when a lock takes the set (<see cref="LockVerifier.ApplyIssuerKeySet(IssuerKeySet)"/>).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out IssuerKeySet? set, out RefusalReason reason)
    {
        set = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.IssuerKeySet, out reason)) return false;
        if (!reader.KeyId(out var signerKeyId)
            || !reader.Int64(out var setVersion) || setVersion < 1
            || !reader.Time(out var issuedAt)
            || !reader.Byte(out var count) || count is 0 or > MaxKeys)
            return false;
        var keys = new List<TrustedIssuer>(count);
        for (var i = 0; i < count; i++)
        {
            if (!reader.KeyId(out var keyId)
                || (i > 0 && string.CompareOrdinal(keys[i - 1].KeyId, keyId) >= 0)
                || !reader.Bytes(Protocol.PublicKeyLength, out var publicKey) || publicKey[0] != 0x04)
                return false;
            keys.Add(new TrustedIssuer(keyId, publicKey.ToArray()));
        }
        if (!reader.Bytes(Protocol.SignatureLength, out _) || !reader.AtEnd) return false;

        set = new IssuerKeySet(bytes.ToArray(), signerKeyId, setVersion, issuedAt, keys);
        reason = RefusalReason.None;
        return true;
    }

    internal bool SignatureMatches(ECDsa signerPublicKey) =>
        P256.Verify(signerPublicKey, Signed.Bytes(Protocol.IssuerKeySetTag, Body), Signature);

    private static bool IsPoint(byte[]? publicKey)
    {
        if (publicKey is null || !P256.TryImportPublicKey(publicKey, out var key)) return false;
        key.Dispose();
        return true;
    }

    /// <summary>The key ids in the set, for messages and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("IssuerKeySet v").Append(SetVersion).Append(" signed by ").Append(SignerKeyId).Append(": ");
        return text.AppendJoin(", ", Keys.Select(k => k.KeyId)).ToString();
    }
}

/// <summary>What a lock did with an offered issuer key set: taken (<see cref="RefusalReason.None"/>) or why not.</summary>
public sealed record IssuerKeySetUpdateResult(RefusalReason Reason, long CurrentVersion, long? OfferedVersion)
{
    public bool Applied => Reason == RefusalReason.None;
}
