using Nyckelfri.Access;
using Nyckelfri.Visits;

namespace Nyckelfri.UnitTests.Visits;

public sealed class VisitPairingRuleTests
{
    private static readonly Guid Municipality = Guid.Parse("0190f0a0-0000-7000-8000-000000000001");
    private static readonly Guid Client = Guid.Parse("0190f0a0-0000-7000-8000-000000000002");
    private static readonly Guid OtherClient = Guid.Parse("0190f0a0-0000-7000-8000-000000000003");
    private static readonly Guid Anna = Guid.Parse("0190f0a0-0000-7000-8000-000000000004");
    private static readonly Guid Bo = Guid.Parse("0190f0a0-0000-7000-8000-000000000005");
    private static readonly Guid Unit = Guid.Parse("0190f0a0-0000-7000-8000-000000000006");
    private static readonly DateTime Morning = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);

    private static long _nextEvent = 100;

    private static VisitRegistration Opened(Guid employee, DateTime at, Guid? client = null, VisitSource source = VisitSource.Lock) =>
        new(++_nextEvent, Municipality, client ?? Client, employee, Unit, source, at);

    [Fact]
    public void Pair_FirstOpening_StartsAVisit()
    {
        var arrival = Opened(Anna, Morning);

        var result = VisitPairingRule.Pair([], [arrival]);

        var visit = result.Started.ShouldHaveSingleItem();
        result.Ended.ShouldBeEmpty();
        (visit.ClientId, visit.EmployeeId, visit.UnitId, visit.Source).ShouldBe((Client, Anna, (Guid?)Unit, VisitSource.Lock));
        visit.StartedAt.ShouldBe(Morning);
        visit.StartEventId.ShouldBe(arrival.EventId);
        visit.EndedAt.ShouldBeNull();
    }

    [Fact]
    public void Pair_SecondOpeningWithinFourHours_EndsTheVisit()
    {
        var arrival = Opened(Anna, Morning);
        var departure = Opened(Anna, Morning.AddMinutes(42));

        var result = VisitPairingRule.Pair([], [departure, arrival]);

        var visit = result.Started.ShouldHaveSingleItem();
        result.Ended.ShouldBe([visit]);
        visit.StartEventId.ShouldBe(arrival.EventId);
        visit.EndEventId.ShouldBe(departure.EventId);
        visit.Duration.ShouldBe(TimeSpan.FromMinutes(42));
    }

    [Fact]
    public void Pair_OpeningExactlyFourHoursLater_StillEndsTheVisit()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning), Opened(Anna, Morning + Visit.MaxLength)]);

        result.Started.ShouldHaveSingleItem().Duration.ShouldBe(Visit.MaxLength);
    }

    [Fact]
    public void Pair_SecondOpeningAfterFourHours_StartsANewVisitAndLeavesTheFirstOpen()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning), Opened(Anna, Morning + Visit.MaxLength + TimeSpan.FromSeconds(1))]);

        result.Started.Count.ShouldBe(2);
        result.Ended.ShouldBeEmpty();
        result.Started.ShouldAllBe(v => v.EndedAt == null);
    }

    [Fact]
    public void Pair_ThreeOpenings_PairsTheFirstTwoAndStartsAnotherWithTheThird()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning), Opened(Anna, Morning.AddMinutes(30)), Opened(Anna, Morning.AddHours(2))]);

        result.Started.Count.ShouldBe(2);
        result.Ended.ShouldHaveSingleItem().StartedAt.ShouldBe(Morning);
        result.Started[1].StartedAt.ShouldBe(Morning.AddHours(2));
        result.Started[1].EndedAt.ShouldBeNull();
    }

    [Fact]
    public void Pair_TwoEmployeesAtOneClient_DoNotPairWithEachOther()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning), Opened(Bo, Morning.AddMinutes(5)), Opened(Anna, Morning.AddMinutes(40)), Opened(Bo, Morning.AddMinutes(50))]);

        result.Started.Count.ShouldBe(2);
        result.Ended.Count.ShouldBe(2);
        result.Started.Single(v => v.EmployeeId == Anna).Duration.ShouldBe(TimeSpan.FromMinutes(40));
        result.Started.Single(v => v.EmployeeId == Bo).Duration.ShouldBe(TimeSpan.FromMinutes(45));
    }

    [Fact]
    public void Pair_OneEmployeeAtTwoClients_DoesNotPairAcrossClients()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning), Opened(Anna, Morning.AddMinutes(30), OtherClient)]);

        result.Started.Count.ShouldBe(2);
        result.Ended.ShouldBeEmpty();
    }

    [Fact]
    public void Pair_NfcScans_PairTheSameWay()
    {
        var result = VisitPairingRule.Pair([], [Opened(Anna, Morning, source: VisitSource.NfcTag), Opened(Anna, Morning.AddMinutes(25), source: VisitSource.NfcTag)]);

        var visit = result.Started.ShouldHaveSingleItem();
        visit.Source.ShouldBe(VisitSource.NfcTag);
        visit.Duration.ShouldBe(TimeSpan.FromMinutes(25));
        result.Ended.ShouldBe([visit]);
    }

    [Fact]
    public void Pair_OpenVisitFromAnEarlierUpload_IsEndedByTheNextOpening()
    {
        var open = new Visit(Municipality, Client, Anna, Unit, VisitSource.Lock, Morning, 1);

        var result = VisitPairingRule.Pair([open], [Opened(Anna, Morning.AddMinutes(35))]);

        result.Started.ShouldBeEmpty();
        result.Ended.ShouldBe([open]);
        open.Duration.ShouldBe(TimeSpan.FromMinutes(35));
    }

    [Fact]
    public void From_DeniedOpeningOrMissingEmployee_MakesNoRegistration()
    {
        var at = Morning;
        var denied = new AccessEvent(Municipality, AccessEventKind.Refused, AccessOutcome.Denied, at, at) { EmployeeId = Anna, ClientId = Client };
        var noEmployee = new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, at, at) { ClientId = Client };
        var issued = new AccessEvent(Municipality, AccessEventKind.CredentialIssued, AccessOutcome.Allowed, at, at) { EmployeeId = Anna, ClientId = Client };
        var opened = new AccessEvent(Municipality, AccessEventKind.Opened, AccessOutcome.Allowed, at, at) { EmployeeId = Anna, ClientId = Client };
        var scanned = new AccessEvent(Municipality, AccessEventKind.NfcScan, AccessOutcome.Reported, at, at) { EmployeeId = Anna, ClientId = Client };

        VisitRegistration.From(denied).ShouldBeNull();
        VisitRegistration.From(noEmployee).ShouldBeNull();
        VisitRegistration.From(issued).ShouldBeNull();
        VisitRegistration.From(opened)!.Source.ShouldBe(VisitSource.Lock);
        VisitRegistration.From(scanned)!.Source.ShouldBe(VisitSource.NfcTag);
    }

    [Theory]
    [InlineData(42, "42 min")]
    [InlineData(60, "1 h 0 min")]
    [InlineData(125, "2 h 5 min")]
    public void Duration_EndedVisit_IsMinutesOrHoursAndMinutes(int minutes, string expected) =>
        ListVisits.Duration(Morning, Morning.AddMinutes(minutes)).ShouldBe(expected);

    [Fact]
    public void Duration_NoEnd_SaysOngoing() => ListVisits.Duration(Morning, null).ShouldBe("Pågående/ej avslutat");
}
