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

    internal static byte[] Sign(ECDsa key, ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    internal static bool Verify(ECDsa key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == Protocol.SignatureLength
        && key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
