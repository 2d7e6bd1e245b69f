using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The municipality's signed list of what no lock may accept any more: credential ids, device keys
/// (as SHA-256 of the public key) and employees. Phones carry the newest list to the locks they
/// visit; a lock takes it only if its <see cref="ListVersion"/> is higher than the one it has.
/// Entries are sorted and unique, so one list has exactly one encoding. Layout:
/// docs/lock-protocol.md, "Revocation list".
/// </summary>
public sealed class RevocationList
{
    private readonly byte[] _encoded;
    private readonly HashSet<Guid> _credentialIds;
    private readonly HashSet<string> _holderKeyHashes;
    private readonly HashSet<Guid> _employeeIds;

    private RevocationList(byte[] encoded, string issuerKeyId, long listVersion, DateTimeOffset issuedAt,
        IReadOnlyList<Guid> credentialIds, IReadOnlyList<byte[]> holderKeyHashes, IReadOnlyList<Guid> employeeIds)
    {
        _encoded = encoded;
        IssuerKeyId = issuerKeyId;
        ListVersion = listVersion;
        IssuedAt = issuedAt;
        CredentialIds = credentialIds;
        HolderKeyHashes = holderKeyHashes;
        EmployeeIds = employeeIds;
        _credentialIds = [.. credentialIds];
        _holderKeyHashes = [.. holderKeyHashes.Select(Convert.ToHexString)];
        _employeeIds = [.. employeeIds];
    }

    public byte ProtocolVersion => _encoded[1];
    public string IssuerKeyId { get; }

    /// <summary>Rises with every list the municipality issues; never reused.</summary>
    public long ListVersion { get; }

    public DateTimeOffset IssuedAt { get; }
    public IReadOnlyList<Guid> CredentialIds { get; }
    public IReadOnlyList<byte[]> HolderKeyHashes { get; }
    public IReadOnlyList<Guid> EmployeeIds { get; }

    public ReadOnlySpan<byte> Encoded => _encoded;
    public ReadOnlySpan<byte> Signature => _encoded.AsSpan(_encoded.Length - Protocol.SignatureLength);
    internal ReadOnlySpan<byte> Body => _encoded.AsSpan(0, _encoded.Length - Protocol.SignatureLength);

    public byte[] ToArray() => (byte[])_encoded.Clone();

    public bool IsCredentialRevoked(Guid credentialId) => _credentialIds.Contains(credentialId);

    public bool IsHolderKeyRevoked(ReadOnlySpan<byte> holderPublicKey) =>
        _holderKeyHashes.Count > 0 && _holderKeyHashes.Contains(Convert.ToHexString(P256.KeyHash(holderPublicKey)));

    public bool IsEmployeeRevoked(Guid employeeId) => _employeeIds.Contains(employeeId);

    /// <summary>Parses a version 1 list. Never throws; <paramref name="reason"/> says why not.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out RevocationList? list, out RefusalReason reason)
    {
        list = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.RevocationList, out reason)) return false;
        if (!reader.KeyId(out var issuerKeyId)
            || !reader.Int64(out var listVersion) || listVersion < 1
            || !reader.Time(out var issuedAt)
            || !TryReadSortedEntries(ref reader, Protocol.IdLength, out var credentialIds)
            || !TryReadSortedEntries(ref reader, Protocol.HashLength, out var hashes)
            || !TryReadSortedEntries(ref reader, Protocol.IdLength, out var employeeIds)
            || !reader.Bytes(Protocol.SignatureLength, out _)
            || !reader.AtEnd)
            return false;

        list = new RevocationList(bytes.ToArray(), issuerKeyId, listVersion, issuedAt,
            [.. credentialIds.Select(b => new Guid(b, bigEndian: true))], hashes, [.. employeeIds.Select(b => new Guid(b, bigEndian: true))]);
        reason = RefusalReason.None;
        return true;
    }

    internal static RevocationList Sign(ECDsa issuerKey, string issuerKeyId, long listVersion, DateTimeOffset issuedAt,
        IEnumerable<Guid> credentialIds, IEnumerable<byte[]> holderKeyHashes, IEnumerable<Guid> employeeIds)
    {
        var credentials = SortedUnique(credentialIds.Select(IdBytes));
        var hashes = SortedUnique(holderKeyHashes);
        var employees = SortedUnique(employeeIds.Select(IdBytes));

        var writer = new WireWriter();
        writer.Byte((byte)MessageType.RevocationList);
        writer.Byte(Protocol.Version);
        writer.KeyId(issuerKeyId);
        writer.Int64(listVersion);
        writer.Time(issuedAt);
        WriteEntries(writer, credentials);
        WriteEntries(writer, hashes);
        WriteEntries(writer, employees);
        writer.Raw(P256.Sign(issuerKey, Signed.Bytes(Protocol.RevocationListTag, writer.Written)));

        return new RevocationList(writer.ToArray(), issuerKeyId, listVersion, issuedAt,
            [.. credentials.Select(b => new Guid(b, bigEndian: true))], hashes, [.. employees.Select(b => new Guid(b, bigEndian: true))]);
    }

    internal bool IssuerSignatureMatches(ECDsa issuerPublicKey) =>
        P256.Verify(issuerPublicKey, Signed.Bytes(Protocol.RevocationListTag, Body), Signature);

    private static byte[] IdBytes(Guid id) => id.ToByteArray(bigEndian: true);

    private static List<byte[]> SortedUnique(IEnumerable<byte[]> entries)
    {
        var sorted = entries.Select(e => (byte[])e.Clone()).ToList();
        sorted.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        sorted = [.. sorted.Where((e, i) => i == 0 || !e.AsSpan().SequenceEqual(sorted[i - 1]))];
        return sorted;
    }

    private static void WriteEntries(WireWriter writer, List<byte[]> entries)
    {
        writer.UInt32((uint)entries.Count);
        foreach (var entry in entries)
            writer.Raw(entry);
    }

    /// <summary>A count, then that many fixed-size entries, each strictly greater than the one before.</summary>
    private static bool TryReadSortedEntries(ref WireReader reader, int size, out List<byte[]> entries)
    {
        entries = [];
        // The count is checked against what is left before anything is allocated.
        if (!reader.UInt32(out var count) || count > (uint)(reader.Remaining / size)) return false;
        entries.Capacity = (int)count;
        ReadOnlySpan<byte> previous = default;
        for (var i = 0; i < count; i++)
        {
            reader.Bytes(size, out var entry);
            if (i > 0 && entry.SequenceCompareTo(previous) <= 0) return false;
            entries.Add(entry.ToArray());
            previous = entry;
        }
        return true;
    }
}
