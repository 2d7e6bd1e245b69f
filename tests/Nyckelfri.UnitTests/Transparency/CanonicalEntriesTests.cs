using Nyckelfri.Access;
using Nyckelfri.AuditLog;
using Nyckelfri.History;
using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

/// <summary>Version 1 of the history and access-log entries, pinned byte for byte to docs/audit-log.md's field order.</summary>
public sealed class CanonicalEntriesTests
{
    private static readonly Guid Municipality = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid Record = Guid.Parse("10000000-0000-0000-0000-000000000002");
    private static readonly DateTime At = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc).AddTicks(10);

    [Fact]
    public void HistoryEntry_EncodesItsFieldsInTheDocumentedOrder()
    {
        var entry = new AuditEntry
        {
            MunicipalityId = Municipality, EntityType = "Client", EntityId = Record, Action = "Updated", At = At,
            UserId = null, UserName = "Åsa", Changes = "[]", Reason = null,
        };
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Id))!.SetValue(entry, 42L);

        Convert.ToHexString(CanonicalEntries.Encode(entry, 7)).ShouldBe(
            "01" + "01" + "0000000000000007" +
            "000000000000002A" +
            "00112233445566778899AABBCCDDEEFF" +
            "00000006" + "436C69656E74" +
            "10000000000000000000000000000002" +
            "00000007" + "55706461746564" +
            At.Ticks.ToString("X16") +
            "FFFFFFFF" +
            "00000004" + "C38573 61".Replace(" ", "") +
            "00000002" + "5B5D" +
            "FFFFFFFF");
    }

    [Fact]
    public void AccessLine_WithOnlyTheRequiredFields_EncodesEveryAbsentFieldAsAbsent()
    {
        var line = new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, At, At.AddTicks(20));

        Convert.ToHexString(CanonicalEntries.Encode(line, 0)).ShouldBe(
            "01" + "02" + "0000000000000000" +
            "0000000000000000" +
            "00112233445566778899AABBCCDDEEFF" +
            "00000006" + "4F70656E6564" +
            "00000007" + "416C6C6F776564" +
            At.Ticks.ToString("X16") + At.AddTicks(20).Ticks.ToString("X16") +
            "00" + "00" + "00" + "00" + "00" + "00" + "00" +
            "FFFFFFFF" +
            "00" + "00" +
            "FFFFFFFF" + "FFFFFFFF" + "FFFFFFFF" +
            "FFFFFFFF" + "FFFFFFFF");
    }

    [Fact]
    public void AccessLine_EveryFieldChangesTheBytes()
    {
        AccessEvent Line(Func<AccessEvent, AccessEvent>? change = null)
        {
            var line = new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, At, At);
            return change is null ? line : change(line);
        }
        var baseline = Convert.ToHexString(CanonicalEntries.Encode(Line(), 3));
        var variants = new Func<AccessEvent, AccessEvent>[]
        {
            _ => new AccessEvent(Guid.NewGuid(), AccessEventKind.Opened, AccessOutcome.Allowed, At, At),
            _ => new AccessEvent(Municipality, AccessEventKind.Refused, AccessOutcome.Allowed, At, At),
            _ => new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Denied, At, At),
            _ => new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, At.AddTicks(10), At),
            _ => new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, At, At.AddTicks(10)),
            l => Copy(l, employee: Record), l => Copy(l, digitalKey: Record), l => Copy(l, lockId: Record), l => Copy(l, client: Record),
            l => Copy(l, household: Record), l => Copy(l, unit: Record), l => Copy(l, credential: Record),
            l => Copy(l, credentialKind: AccessCredentialKind.BreakGlass), l => Copy(l, validUntil: At), l => Copy(l, sequence: 1),
            l => Copy(l, reason: "Expired"), l => Copy(l, detail: ""), l => Copy(l, recordedBy: "u"),
            l => Copy(l, hash: []), l => Copy(l, previousHash: [1]),
        };
        var encodings = variants.Select(v => Convert.ToHexString(CanonicalEntries.Encode(Line(v), 3))).ToList();

        encodings.ShouldAllBe(e => e != baseline);
        encodings.Distinct().Count().ShouldBe(encodings.Count);
        Convert.ToHexString(CanonicalEntries.Encode(Line(), 4)).ShouldNotBe(baseline, "the leaf index is part of the entry");
    }

    [Fact]
    public void Encode_ATimeFinerThanAMicrosecond_IsRefused()
    {
        var line = new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, At.AddTicks(1), At);

        Should.Throw<ArgumentException>(() => CanonicalEntries.Encode(line, 0)).Message.ShouldContain("microseconds");
    }

    [Fact]
    public void Encode_GivesAnEntryTheLogVerifierReadsAtItsIndex()
    {
        var line = new AccessEvent(Municipality, AccessEventKind.BreakGlass, AccessOutcome.Allowed, At, At) { Detail = "Nödöppning" };

        LogEntryEnvelope.TryReadHeader(CanonicalEntries.Encode(line, 123), out var kind, out var index).ShouldBeTrue();
        (kind, index).ShouldBe((CanonicalEntries.AccessKind, 123L));
    }

    private static AccessEvent Copy(AccessEvent l, Guid? employee = null, Guid? digitalKey = null, Guid? lockId = null, Guid? client = null,
        Guid? household = null, Guid? unit = null, Guid? credential = null, AccessCredentialKind? credentialKind = null, DateTime? validUntil = null,
        long? sequence = null, string? reason = null, string? detail = null, string? recordedBy = null, byte[]? hash = null, byte[]? previousHash = null) =>
        new(l.MunicipalityId, l.Kind, l.Outcome, l.OccurredAt, l.RecordedAt)
        {
            EmployeeId = employee, DigitalKeyId = digitalKey, LockId = lockId, ClientId = client, HouseholdId = household, UnitId = unit,
            CredentialId = credential, CredentialKind = credentialKind, ValidUntil = validUntil, LockSequence = sequence, ReasonCode = reason,
            Detail = detail, RecordedBy = recordedBy, LockEventHash = hash, LockEventPreviousHash = previousHash,
        };
}
