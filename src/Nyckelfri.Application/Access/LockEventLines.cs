using System.Globalization;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>How a lock's signed event becomes an access-log line: the kind, outcome and Swedish text, enriched from the server's own issue line.</summary>
internal static class LockEventLines
{
    public static AccessEvent ToAccessEvent(Guid municipalityId, Guid? householdId, Guid? householdClient, ChainedEvent chained, DateTime now,
        Dictionary<Guid, UploadLockEvents.Issue> issued, string uploadedBy)
    {
        var line = chained.Event;
        var issue = line.CredentialId is { } id && issued.TryGetValue(id, out var found) ? found : null;
        var (kind, outcome, code, detail) = line.Kind switch
        {
            LockEventKind.Opened => (AccessEventKind.Opened, AccessOutcome.Allowed, (string?)null,
                line.CredentialKind == CredentialKind.BreakGlass ? "Öppnad med nödöppning." : (string?)null),
            LockEventKind.Refused => (AccessEventKind.Refused, AccessOutcome.Denied, line.Reason.ToString(), RefusalReasonTexts.Swedish(line.Reason)),
            LockEventKind.RevocationListApplied => (AccessEventKind.RevocationListApplied, AccessOutcome.Reported, null,
                $"Spärrlista version {line.RevocationListVersion} inläst."),
            LockEventKind.RevocationListRefused => (AccessEventKind.LockNotice, AccessOutcome.Reported, "revocation-list-refused",
                $"Låset nekade en spärrlista: {RefusalReasonTexts.Swedish(line.Reason)}"),
            LockEventKind.BatteryLow => (AccessEventKind.LockNotice, AccessOutcome.Reported, "battery-low",
                $"Lågt batteri ({line.BatteryPercent?.ToString(CultureInfo.InvariantCulture) ?? "?"} %)."),
            LockEventKind.BatteryReplaced => (AccessEventKind.LockNotice, AccessOutcome.Reported, "battery-replaced", "Batteriet bytt."),
            // Kinds are append-only: one this server does not know yet is kept as a notice, never read as an opening.
            _ => (AccessEventKind.LockNotice, AccessOutcome.Reported, "unknown-kind-" + ((int)line.Kind).ToString(CultureInfo.InvariantCulture), null),
        };
        return new AccessEvent(municipalityId, kind, outcome, line.OccurredAt.UtcDateTime, now)
        {
            LockId = line.LockId, LockSequence = line.Sequence, HouseholdId = householdId,
            EmployeeId = issue?.EmployeeId ?? line.EmployeeId, DigitalKeyId = issue?.DigitalKeyId,
            ClientId = issue?.ClientId ?? householdClient, UnitId = issue?.UnitId,
            CredentialId = line.CredentialId, CredentialKind = line.CredentialKind?.ToAccessLog(), ReasonCode = code, Detail = detail,
            RecordedBy = uploadedBy, LockEventHash = chained.Hash, LockEventPreviousHash = chained.PreviousHash,
        };
    }
}
