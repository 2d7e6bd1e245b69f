using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// Device-key enrolment with proof of possession (docs/lock-protocol.md, "Device-key enrolment"): before
/// the server records a device's public key on a digital key, the device signs a fresh server challenge
/// together with the digital key's id and the public key itself, with the private half of that key.
/// Nothing here travels to a lock; it is between a device (browser, phone app, a fob's programming
/// station) and the server, with a domain-separation tag of its own so that no proof can be taken for a
/// lock response or a credential, and the reverse.
/// </summary>
public static class Enrolment
{
    /// <summary>The server's challenge: 32 random bytes.</summary>
    public const int ChallengeLength = 32;

    /// <summary>"nyckelfri/device-key-enrolment/v1", the first bytes of every proof's signed bytes.</summary>
    public static ReadOnlySpan<byte> Tag => "nyckelfri/device-key-enrolment/v1"u8;

    /// <summary>The order n of P-256's base point; a low-S signature has s ≤ n / 2.</summary>
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger HalfOrder = Order / 2;

    /// <summary>tag ‖ challenge (32) ‖ digital key id (16, RFC 9562 byte order) ‖ public key (65).</summary>
    public static byte[] SignedBytes(ReadOnlySpan<byte> challenge, Guid digitalKeyId, ReadOnlySpan<byte> publicKey)
    {
        if (challenge.Length != ChallengeLength) throw new ArgumentException($"An enrolment challenge is {ChallengeLength} bytes.", nameof(challenge));
        if (publicKey.Length != Protocol.PublicKeyLength) throw new ArgumentException("A public key is 65 bytes (0x04 ‖ X ‖ Y).", nameof(publicKey));
        var bytes = new byte[Tag.Length + ChallengeLength + Protocol.IdLength + Protocol.PublicKeyLength];
        var span = bytes.AsSpan();
        Tag.CopyTo(span);
        challenge.CopyTo(span[Tag.Length..]);
        digitalKeyId.TryWriteBytes(span.Slice(Tag.Length + ChallengeLength, Protocol.IdLength), bigEndian: true, out _);
        publicKey.CopyTo(span[(Tag.Length + ChallengeLength + Protocol.IdLength)..]);
        return bytes;
    }

    /// <summary>The device's side: the proof (64-byte r ‖ s, low-S) that it holds <paramref name="deviceKey"/>.</summary>
    public static byte[] Prove(ECDsa deviceKey, ReadOnlySpan<byte> challenge, Guid digitalKeyId)
    {
        ArgumentNullException.ThrowIfNull(deviceKey);
        var publicKey = P256.ExportPublicKey(deviceKey);
        return NormaliseLowS(P256.Sign(deviceKey, SignedBytes(challenge, digitalKeyId, publicKey)));
    }

    /// <summary>
    /// The server's side: true only when <paramref name="publicKey"/> is a P-256 point and
    /// <paramref name="proof"/> is its low-S signature over this challenge, this digital key and this key.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> challenge, Guid digitalKeyId, ReadOnlySpan<byte> proof)
    {
        if (challenge.Length != ChallengeLength || proof.Length != Protocol.SignatureLength || !IsLowS(proof)) return false;
        if (!P256.TryImportPublicKey(publicKey, out var key)) return false;
        using (key)
            return P256.Verify(key, SignedBytes(challenge, digitalKeyId, publicKey), proof);
    }

    /// <summary>Whether the s half of an r ‖ s signature is at most n / 2 (one encoding per signature).</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) =>
        signature.Length == Protocol.SignatureLength
        && new BigInteger(signature[32..], isUnsigned: true, isBigEndian: true) <= HalfOrder;

    /// <summary>The same signature with s replaced by n − s when s is above n / 2.</summary>
    public static byte[] NormaliseLowS(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Protocol.SignatureLength) throw new ArgumentException("A signature is 64 bytes (r ‖ s).", nameof(signature));
        var result = signature.ToArray();
        var s = new BigInteger(signature[32..], isUnsigned: true, isBigEndian: true);
        if (s <= HalfOrder) return result;
        var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(result, 32, 32);
        low.CopyTo(result, 64 - low.Length);
        return result;
    }

    /// <summary>
    /// The response tag and protocol version an app that signs a lock's challenge itself (the web app's
    /// script) must use: read from <see cref="Protocol"/>, so that the page renders what this build speaks.
    /// </summary>
    public static string ResponseTag => Encoding.ASCII.GetString(Protocol.ResponseTag);

    /// <inheritdoc cref="ResponseTag"/>
    public static byte ResponseVersion => Protocol.Version;
}
