using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// ECDSA on NIST P-256 with SHA-256 (ES256), through the base class library only. Public keys
/// travel as the 65-byte uncompressed point 0x04 || X || Y; signatures as the 64-byte r || s
/// (IEEE P1363), so both have one fixed size and one encoding.
/// </summary>
public static class P256
{
    private const string CurveOid = "1.2.840.10045.3.1.7";
    private const int CoordinateLength = 32;

    public static ECDsa CreateKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static bool IsP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256) return false;
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed && (curve.Oid.Value == CurveOid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256");
    }

    /// <summary>The public key as 0x04 || X || Y.</summary>
    public static byte[] ExportPublicKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var raw = new byte[Protocol.PublicKeyLength];
        raw[0] = 0x04;
        q.X.AsSpan().CopyTo(raw.AsSpan(1 + CoordinateLength - q.X!.Length, q.X.Length));
        q.Y.AsSpan().CopyTo(raw.AsSpan(1 + (2 * CoordinateLength) - q.Y!.Length, q.Y.Length));
        return raw;
    }

    /// <summary>A verification key from 0x04 || X || Y; false for anything that is not a point on P-256.</summary>
    public static bool TryImportPublicKey(ReadOnlySpan<byte> raw, [NotNullWhen(true)] out ECDsa? key)
    {
        key = null;
        if (raw.Length != Protocol.PublicKeyLength || raw[0] != 0x04) return false;
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = raw.Slice(1, CoordinateLength).ToArray(), Y = raw.Slice(1 + CoordinateLength).ToArray() },
        };
        try
        {
            key = ECDsa.Create(parameters);
            return true;
        }
        catch (CryptographicException)
        {
            // Not on the curve, or the point at infinity: the platform validates the point.
            return false;
        }
    }

    /// <summary>SHA-256 of the 65-byte public key: how revocation lists name a device key.</summary>
    public static byte[] KeyHash(ReadOnlySpan<byte> rawPublicKey) => SHA256.HashData(rawPublicKey);

    /// <summary>
    /// Signs and returns the low-S form: ECDSA accepts both (r, s) and (r, n − s), so the signer
    /// always picks the s in 1 … n/2 and a verifier refuses the other, and every signed message has
    /// exactly one encoding.
    /// </summary>
    internal static byte[] Sign(ECDsa key, ReadOnlySpan<byte> data)
    {
        var signature = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        NormaliseToLowS(signature);
        return signature;
    }

    /// <summary>Valid only when the signature is 64 bytes, in low-S form, and verifies.</summary>
    internal static bool Verify(ECDsa key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == Protocol.SignatureLength
        && IsLowS(signature)
        && key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    // The order n of P-256's base point, and n / 2 (rounded down), big-endian.
    private static readonly byte[] Order = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    private static readonly byte[] HalfOrder = Convert.FromHexString("7FFFFFFF800000007FFFFFFFFFFFFFFFDE737D56D38BCF4279DCE5617E3192A8");

    /// <summary>True when s (the signature's second half) is at most n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) =>
        signature.Length == Protocol.SignatureLength && signature[CoordinateLength..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces a high s by n − s in place (both verify; only the low one is accepted).</summary>
    internal static void NormaliseToLowS(Span<byte> signature)
    {
        if (!IsLowS(signature)) SubtractFromOrder(signature[CoordinateLength..]);
    }

    /// <summary>The other valid encoding of a signature, (r, n − s): what a verifier must refuse. For tests and vectors.</summary>
    public static byte[] Malleate(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Protocol.SignatureLength)
            throw new ArgumentException("A signature is 64 bytes, r || s.", nameof(signature));
        var other = signature.ToArray();
        SubtractFromOrder(other.AsSpan(CoordinateLength));
        return other;
    }

    /// <summary>s ← n − s, big-endian, for 0 &lt; s &lt; n.</summary>
    private static void SubtractFromOrder(Span<byte> s)
    {
        var borrow = 0;
        for (var i = CoordinateLength - 1; i >= 0; i--)
        {
            var difference = Order[i] - s[i] - borrow;
            borrow = difference < 0 ? 1 : 0;
            s[i] = (byte)(difference + (borrow * 256));
        }
    }
}
