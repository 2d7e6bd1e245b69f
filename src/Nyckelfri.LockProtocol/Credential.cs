using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

public enum CredentialKind : byte
{
    Normal = 1,

    /// <summary>An emergency opening outside the normal permission; the server keeps it short and flags it for review.</summary>
    BreakGlass = 2,
}

/// <summary>
/// A short-lived key to one lock for one employee's phone, signed by the municipality's issuing
/// key. Only an <see cref="Issuer"/> or <see cref="TryDecode"/> makes one, so an instance always
/// holds well-formed bytes; whether the signature and window are good is the lock's question.
/// Layout and signed bytes: docs/lock-protocol.md, "Credential".
/// </summary>
public sealed class Credential
{
    private const int FixedLength = 1 + 1 + Protocol.IdLength + 1 + Protocol.IdLength + Protocol.PublicKeyLength
        + Protocol.IdLength + 8 + 8 + 1 + Protocol.SignatureLength;

    private readonly byte[] _encoded;
    private readonly byte[] _holderPublicKey;

    private Credential(byte[] encoded, Guid credentialId, string issuerKeyId, Guid employeeId, byte[] holderPublicKey,
        Guid lockId, DateTimeOffset validFrom, DateTimeOffset validUntil, CredentialKind kind)
    {
        _encoded = encoded;
        CredentialId = credentialId;
        IssuerKeyId = issuerKeyId;
        EmployeeId = employeeId;
        _holderPublicKey = holderPublicKey;
        LockId = lockId;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Kind = kind;
    }

    public byte ProtocolVersion => _encoded[1];
    public Guid CredentialId { get; }
    public string IssuerKeyId { get; }
    public Guid EmployeeId { get; }

    /// <summary>The phone's P-256 public key, 0x04 || X || Y: only that phone can answer a lock with this credential.</summary>
    public ReadOnlySpan<byte> HolderPublicKey => _holderPublicKey;

    public Guid LockId { get; }

    /// <summary>First second of the window (UTC, whole seconds).</summary>
    public DateTimeOffset ValidFrom { get; }

    /// <summary>Last second of the window (UTC, whole seconds); the window includes both ends.</summary>
    public DateTimeOffset ValidUntil { get; }

    public CredentialKind Kind { get; }
    public TimeSpan Validity => ValidUntil - ValidFrom;

    /// <summary>The whole message as sent, signature included.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    public ReadOnlySpan<byte> Signature => _encoded.AsSpan(_encoded.Length - Protocol.SignatureLength);

    /// <summary>What the issuer signed: everything before the signature.</summary>
    internal ReadOnlySpan<byte> Body => _encoded.AsSpan(0, _encoded.Length - Protocol.SignatureLength);

    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary>SHA-256 of the encoded credential: what the holder binds its answer to.</summary>
    public byte[] Hash() => SHA256.HashData(_encoded);

    public byte[] HolderKeyHash() => P256.KeyHash(_holderPublicKey);

    /// <summary>Parses a version 1 credential. Never throws; <paramref name="reason"/> says why not.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Credential? credential, out RefusalReason reason)
    {
        credential = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.Credential, out reason)) return false;
        if (!reader.Id(out var credentialId)
            || !reader.KeyId(out var issuerKeyId)
            || !reader.Id(out var employeeId)
            || !reader.Bytes(Protocol.PublicKeyLength, out var holderKey) || holderKey[0] != 0x04
            || !reader.Id(out var lockId)
            || !reader.Time(out var validFrom)
            || !reader.Time(out var validUntil) || validUntil <= validFrom
            || !reader.Byte(out var kind) || !Enum.IsDefined((CredentialKind)kind)
            || !reader.Bytes(Protocol.SignatureLength, out _)
            || !reader.AtEnd)
            return false;

        credential = new Credential(bytes.ToArray(), credentialId, issuerKeyId, employeeId, holderKey.ToArray(),
            lockId, validFrom, validUntil, (CredentialKind)kind);
        reason = RefusalReason.None;
        return true;
    }

    /// <summary>Encodes and signs. The caller (the issuer) has checked every field.</summary>
    internal static Credential Sign(ECDsa issuerKey, string issuerKeyId, Guid credentialId, Guid employeeId,
        ReadOnlySpan<byte> holderPublicKey, Guid lockId, DateTimeOffset validFrom, DateTimeOffset validUntil, CredentialKind kind)
    {
        var writer = new WireWriter(FixedLength + issuerKeyId.Length);
        writer.Byte((byte)MessageType.Credential);
        writer.Byte(Protocol.Version);
        writer.Id(credentialId);
        writer.KeyId(issuerKeyId);
        writer.Id(employeeId);
        writer.Raw(holderPublicKey);
        writer.Id(lockId);
        writer.Time(validFrom);
        writer.Time(validUntil);
        writer.Byte((byte)kind);
        writer.Raw(P256.Sign(issuerKey, Signed.Bytes(Protocol.CredentialTag, writer.Written)));

        return new Credential(writer.ToArray(), credentialId, issuerKeyId, employeeId, holderPublicKey.ToArray(),
            lockId, validFrom, validUntil, kind);
    }

    internal bool IssuerSignatureMatches(ECDsa issuerPublicKey) =>
        P256.Verify(issuerPublicKey, Signed.Bytes(Protocol.CredentialTag, Body), Signature);
}
