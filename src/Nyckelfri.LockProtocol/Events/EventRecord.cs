using System.Security.Cryptography;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// One event as its lock chained it: the event, the hash of the event before it (the chain start,
/// 32 zero bytes, for sequence 1) and its own hash, which the next event carries.
/// </summary>
public sealed record ChainedEvent(LockEvent Event, byte[] PreviousHash, byte[] Hash);

/// <summary>
/// The fixed 93-byte layout of one event in a batch (docs/lock-protocol.md, "Event batch"). Every
/// optional field has its place and a presence bit; an absent field is all zero bytes, so an event
/// has exactly one encoding and so one hash.
/// </summary>
internal static class EventRecord
{
    public const int Length = 8 + 8 + 1 + 1 + 1 + Protocol.IdLength + Protocol.IdLength + 1 + 8 + 1 + Protocol.HashLength;

    [Flags]
    private enum Present : byte
    {
        CredentialId = 0x01,
        EmployeeId = 0x02,
        CredentialKind = 0x04,
        RevocationListVersion = 0x08,
        BatteryPercent = 0x10,
    }

    private const byte KnownFlags = 0x1F;

    public static void Write(WireWriter writer, LockEvent e, ReadOnlySpan<byte> previousHash)
    {
        var flags = (e.CredentialId is null ? 0 : Present.CredentialId) | (e.EmployeeId is null ? 0 : Present.EmployeeId)
            | (e.CredentialKind is null ? 0 : Present.CredentialKind) | (e.RevocationListVersion is null ? 0 : Present.RevocationListVersion)
            | (e.BatteryPercent is null ? 0 : Present.BatteryPercent);
        writer.Int64(e.Sequence);
        writer.Time(e.OccurredAt);
        writer.Byte(checked((byte)e.Kind));
        writer.Byte(checked((byte)e.Reason));
        writer.Byte((byte)flags);
        writer.Id(e.CredentialId ?? Guid.Empty);
        writer.Id(e.EmployeeId ?? Guid.Empty);
        writer.Byte((byte)(e.CredentialKind ?? 0));
        writer.Int64(e.RevocationListVersion ?? 0);
        writer.Byte(checked((byte)(e.BatteryPercent ?? 0)));
        writer.Raw(previousHash);
    }

    /// <summary>Reads one record; false for anything out of range or a non-zero absent field.</summary>
    public static bool TryRead(ref WireReader reader, Guid lockId, out LockEvent lockEvent, out ReadOnlySpan<byte> previousHash)
    {
        lockEvent = null!;
        previousHash = default;
        if (!reader.Int64(out var sequence) || sequence < 1
            || !reader.Time(out var occurredAt)
            || !reader.Byte(out var kind) || kind == 0
            || !reader.Byte(out var reason)
            || !reader.Byte(out var flagByte) || (flagByte & ~KnownFlags) != 0
            || !reader.Id(out var credentialId)
            || !reader.Id(out var employeeId)
            || !reader.Byte(out var credentialKind)
            || !reader.Int64(out var listVersion) || listVersion < 0
            || !reader.Byte(out var battery) || battery > 100
            || !reader.Bytes(Protocol.HashLength, out previousHash))
            return false;
        var flags = (Present)flagByte;
        if (!Absent(flags, Present.CredentialId, credentialId == Guid.Empty)
            || !Absent(flags, Present.EmployeeId, employeeId == Guid.Empty)
            || !Absent(flags, Present.CredentialKind, credentialKind == 0)
            || !Absent(flags, Present.RevocationListVersion, listVersion == 0)
            || !Absent(flags, Present.BatteryPercent, battery == 0)
            || (flags.HasFlag(Present.CredentialKind) && !Enum.IsDefined((CredentialKind)credentialKind)))
            return false;

        lockEvent = new LockEvent(lockId, sequence, occurredAt, (LockEventKind)kind, (RefusalReason)reason,
            flags.HasFlag(Present.CredentialId) ? credentialId : null,
            flags.HasFlag(Present.EmployeeId) ? employeeId : null,
            flags.HasFlag(Present.CredentialKind) ? (CredentialKind)credentialKind : null,
            flags.HasFlag(Present.RevocationListVersion) ? listVersion : null,
            flags.HasFlag(Present.BatteryPercent) ? battery : null);
        return true;
    }

    /// <summary>A field whose presence bit is clear must be all zero.</summary>
    private static bool Absent(Present flags, Present field, bool isZero) => flags.HasFlag(field) || isZero;

    /// <summary>SHA-256(tag ‖ lock id ‖ the 93-byte record): the link the next event carries.</summary>
    public static byte[] Hash(Guid lockId, ReadOnlySpan<byte> record)
    {
        Span<byte> prefix = stackalloc byte[Protocol.EventTag.Length + Protocol.IdLength];
        Protocol.EventTag.CopyTo(prefix);
        lockId.TryWriteBytes(prefix[Protocol.EventTag.Length..], bigEndian: true, out _);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(prefix);
        sha.AppendData(record);
        return sha.GetHashAndReset();
    }
}
