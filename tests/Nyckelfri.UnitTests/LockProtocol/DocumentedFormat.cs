using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// Messages built byte by byte from docs/lock-protocol.md, without the library's encoder, so that
/// the tests hold the code to the document (and can build what a correct issuer never would).
/// </summary>
internal static class DocumentedFormat
{
    public static byte[] Credential(ECDsa issuerKey, string keyId, Guid credentialId, Guid employeeId, byte[] holderPublicKey,
        Guid lockId, DateTimeOffset validFrom, DateTimeOffset validUntil, byte kind = 1)
    {
        var body = new List<byte> { 0x01, 0x02 };
        body.AddRange(credentialId.ToByteArray(bigEndian: true));
        body.Add((byte)keyId.Length);
        body.AddRange(Encoding.ASCII.GetBytes(keyId));
        body.AddRange(employeeId.ToByteArray(bigEndian: true));
        body.AddRange(holderPublicKey);
        body.AddRange(lockId.ToByteArray(bigEndian: true));
        body.AddRange(Int64(validFrom.ToUnixTimeSeconds()));
        body.AddRange(Int64(validUntil.ToUnixTimeSeconds()));
        body.Add(kind);
        return [.. body, .. Sign(issuerKey, "nyckelfri/credential/v2", body)];
    }

    public static byte[] Response(ECDsa holderKey, Guid lockId, byte[] nonce, byte[] credential)
    {
        var signed = new List<byte> { 0x02 };
        signed.AddRange(lockId.ToByteArray(bigEndian: true));
        signed.Add((byte)nonce.Length);
        signed.AddRange(nonce);
        signed.AddRange(SHA256.HashData(credential));

        var message = new List<byte> { 0x03, 0x02, (byte)nonce.Length };
        message.AddRange(nonce);
        message.AddRange(UInt16((ushort)credential.Length));
        message.AddRange(credential);
        return [.. message, .. Sign(holderKey, "nyckelfri/response/v2", signed)];
    }

    public static byte[] RevocationList(ECDsa issuerKey, string keyId, long listVersion, DateTimeOffset issuedAt,
        IReadOnlyList<byte[]> credentialIds, IReadOnlyList<byte[]> keyHashes, IReadOnlyList<byte[]> employeeIds)
    {
        var body = new List<byte> { 0x04, 0x02, (byte)keyId.Length };
        body.AddRange(Encoding.ASCII.GetBytes(keyId));
        body.AddRange(Int64(listVersion));
        body.AddRange(Int64(issuedAt.ToUnixTimeSeconds()));
        foreach (var entries in new[] { credentialIds, keyHashes, employeeIds })
        {
            body.AddRange(UInt32((uint)entries.Count));
            foreach (var entry in entries)
                body.AddRange(entry);
        }
        return [.. body, .. Sign(issuerKey, "nyckelfri/revocation-list/v2", body)];
    }

    /// <summary>ES256 over tag ‖ fields, in the low-S form the document requires (s ≤ n/2).</summary>
    public static byte[] Sign(ECDsa key, string tag, List<byte> fields)
    {
        var signature = key.SignData([.. Encoding.ASCII.GetBytes(tag), .. fields], HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Nyckelfri.LockProtocol.P256.IsLowS(signature) ? signature : Nyckelfri.LockProtocol.P256.Malleate(signature);
    }

    public static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] UInt16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }
}
