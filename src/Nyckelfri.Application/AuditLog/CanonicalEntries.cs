using Nyckelfri.Access;
using Nyckelfri.History;
using Nyckelfri.Transparency;

namespace Nyckelfri.AuditLog;

/// <summary>
/// The canonical bytes of the entries that become leaves of a municipality's log, version 1, in the field
/// order docs/audit-log.md ("Canonical entry encoding v1") fixes. Made from a row as it reads back from the
/// database, both when it is appended and when the verifier checks it, so both must see the same values.
/// </summary>
public static class CanonicalEntries
{
    public const byte HistoryKind = 0x01, AccessKind = 0x02;

    public static byte[] Encode(AuditEntry entry, long leafIndex) =>
        LogEntryEnvelope.Create(HistoryKind, leafIndex, new CanonicalWriter()
            .Int64(entry.Id)
            .Guid(entry.MunicipalityId)
            .String(entry.EntityType)
            .Guid(entry.EntityId)
            .String(entry.Action)
            .Time(Stored(entry.At))
            .String(entry.UserId)
            .String(entry.UserName)
            .String(entry.Changes)
            .String(entry.Reason)
            .ToArray());

    public static byte[] Encode(AccessEvent line, long leafIndex) =>
        LogEntryEnvelope.Create(AccessKind, leafIndex, new CanonicalWriter()
            .Int64(line.Id)
            .Guid(line.MunicipalityId)
            .String(line.Kind.ToString())
            .String(line.Outcome.ToString())
            .Time(Stored(line.OccurredAt))
            .Time(Stored(line.RecordedAt))
            .Guid(line.EmployeeId)
            .Guid(line.DigitalKeyId)
            .Guid(line.LockId)
            .Guid(line.ClientId)
            .Guid(line.HouseholdId)
            .Guid(line.UnitId)
            .Guid(line.CredentialId)
            .String(line.CredentialKind?.ToString())
            .Time(line.ValidUntil is { } until ? Stored(until) : null)
            .Int64(line.LockSequence)
            .String(line.ReasonCode)
            .String(line.Detail)
            .String(line.RecordedBy)
            .Bytes(line.LockEventHash)
            .Bytes(line.LockEventPreviousHash)
            .ToArray());

    /// <summary>
    /// A time as the database keeps it. PostgreSQL keeps microseconds, so a value with finer ticks would encode
    /// differently once read back, and the verifier would call the entry altered: such a value is refused here,
    /// and the writer truncates times to whole microseconds before saving.
    /// </summary>
    private static DateTime Stored(DateTime utc)
    {
        if (utc.Ticks % 10 != 0)
            throw new ArgumentException($"A logged time must be whole microseconds (as PostgreSQL keeps it), not {utc:O}.", nameof(utc));
        return utc;
    }
}
