using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The phone's answer to a challenge: the credential, the nonce it answers, and the device key's
/// signature over (tag, protocol version, lock id, nonce, SHA-256 of the credential). Layout:
/// docs/lock-protocol.md, "Response".
/// </summary>
public sealed class Response
{
    private readonly byte[] _encoded;
    private readonly byte[] _nonce;

    private Response(byte[] encoded, byte[] nonce, Credential credential)
    {
        _encoded = encoded;
        _nonce = nonce;
        Credential = credential;
    }

    public byte ProtocolVersion => _encoded[1];
    public ReadOnlySpan<byte> Nonce => _nonce;
    public Credential Credential { get; }
    public ReadOnlySpan<byte> HolderSignature => _encoded.AsSpan(_encoded.Length - Protocol.SignatureLength);
    public ReadOnlySpan<byte> Encoded => _encoded;

    public byte[] ToArray() => (byte[])_encoded.Clone();

    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Response? response, out RefusalReason reason)
    {
        response = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.Response, out reason)) return false;
        if (!reader.ShortBytes(out var nonce) || nonce.Length is < Protocol.MinNonceLength or > Protocol.MaxNonceLength
            || !reader.MediumBytes(out var credentialBytes) || credentialBytes.Length > Protocol.MaxCredentialLength
            || !reader.Bytes(Protocol.SignatureLength, out _)
            || !reader.AtEnd)
            return false;
        if (!Credential.TryDecode(credentialBytes, out var credential, out reason))
            return false;

        response = new Response(bytes.ToArray(), nonce.ToArray(), credential);
        return true;
    }

    /// <summary>The phone's side: signs the answer with the device key whose public half is in the credential.</summary>
    internal static Response Sign(ECDsa holderKey, Guid lockId, ReadOnlySpan<byte> nonce, Credential credential)
    {
        var writer = new WireWriter(128 + credential.Encoded.Length);
        writer.Byte((byte)MessageType.Response);
        writer.Byte(Protocol.Version);
        writer.ShortBytes(nonce);
        writer.MediumBytes(credential.Encoded);
        writer.Raw(P256.Sign(holderKey, SignedBytes(lockId, nonce, credential)));
        return new Response(writer.ToArray(), nonce.ToArray(), credential);
    }

    internal bool HolderSignatureMatches(ECDsa holderPublicKey, Guid lockId) =>
        P256.Verify(holderPublicKey, SignedBytes(lockId, _nonce, Credential), HolderSignature);

    /// <summary>tag || version || lock id || nonce length || nonce || SHA-256(credential).</summary>
    internal static byte[] SignedBytes(Guid lockId, ReadOnlySpan<byte> nonce, Credential credential)
    {
        var writer = new WireWriter(Protocol.ResponseTag.Length + 1 + Protocol.IdLength + 1 + nonce.Length + Protocol.HashLength);
        writer.Raw(Protocol.ResponseTag);
        writer.Byte(Protocol.Version);
        writer.Id(lockId);
        writer.ShortBytes(nonce);
        writer.Raw(credential.Hash());
        return writer.ToArray();
    }
}
