using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.UnitTests.Routines;

/// <summary>SPEC §5, last paragraph: the service changes that open work, and the ones that must not.</summary>
public sealed class ServiceRulesTests
{
    private static readonly DateOnly Today = TestClock.Today;
    private static readonly Guid ProviderA = Guid.NewGuid(), ProviderB = Guid.NewGuid();
    private static readonly Guid HomeCareA = Guid.NewGuid(), OtherHomeCareA = Guid.NewGuid(), HomeCareB = Guid.NewGuid();
    private static readonly Guid AlarmUnit = Guid.NewGuid(), NightUnit = Guid.NewGuid(), HslUnit = Guid.NewGuid();

    private readonly Guid _anna = Guid.NewGuid(), _bertil = Guid.NewGuid();

    // ---- Builders ----

    private ServiceFact HomeCare(Guid? client = null, DateOnly? start = null, DateOnly? end = null, bool assessed = true, Guid? unit = null) =>
        new(client ?? _anna, CareServiceKind.HomeCare, assessed, unit ?? HomeCareA, unit == HomeCareB ? ProviderB : ProviderA,
            start ?? Today.AddYears(-1), end);

    private ServiceFact Service(CareServiceKind kind, Guid? client = null, DateOnly? end = null) =>
        new(client ?? _anna, kind, true, kind switch
        {
            CareServiceKind.SafetyAlarm => AlarmUnit,
            CareServiceKind.NightSupervision => NightUnit,
            _ => HslUnit,
        }, ProviderA, Today.AddYears(-1), end);

    /// <summary>A household of Anna (and Bertil, when he has services), with or without a lock, with the orders still open.</summary>
    private HouseholdFacts Household(bool lockMounted, IEnumerable<ServiceFact> services, IEnumerable<OpenOrderFact>? open = null,
        bool annaRulesOutLock = false)
    {
        var all = services.ToList();
        var clients = new List<ClientFact> { new(_anna, annaRulesOutLock, all.Where(s => s.ClientId == _anna).ToList()) };
        if (all.Any(s => s.ClientId == _bertil)) clients.Add(new ClientFact(_bertil, false, all.Where(s => s.ClientId == _bertil).ToList()));
        return new HouseholdFacts(Guid.NewGuid(), clients, lockMounted, (open ?? []).ToList());
    }

    private static RuleAction Single(IReadOnlyList<RuleAction> actions, RoutineKind kind)
    {
        var action = actions.ShouldHaveSingleItem();
        action.Kind.ShouldBe(kind);
        return action;
    }

    // ---- Install proposal ----

    [Fact]
    public void Evaluate_NewAssessedHomeCareInAHomeWithoutLock_ProposesAnInstallForTheClientAtItsUnit()
    {
        var service = HomeCare(start: Today.AddDays(3));

        var action = Single(ServiceRules.Evaluate(Household(false, [service]), new ServiceChange.Added(service), Today), RoutineKind.InstallAssessed);

        action.Proposed.ShouldBeTrue();
        action.ClientId.ShouldBe(_anna);
        action.UnitId.ShouldBe(HomeCareA);
        action.DueOn.ShouldBeNull("the install is due five working days after it is ordered, not after it is proposed");
    }

    [Fact]
    public void Evaluate_NewAssessedHomeCare_LockAlreadyMounted_ProposesNothing()
    {
        var service = HomeCare();
        ServiceRules.Evaluate(Household(true, [service]), new ServiceChange.Added(service), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NewAssessedHomeCare_ClientFlaggedAgainstALock_ProposesNothing()
    {
        var service = HomeCare();
        ServiceRules.Evaluate(Household(false, [service], annaRulesOutLock: true), new ServiceChange.Added(service), Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(RoutineKind.InstallAssessed)]
    [InlineData(RoutineKind.InstallAlarmOnly)]
    public void Evaluate_NewAssessedHomeCare_InstallAlreadyOpenInTheHousehold_ProposesNothing(RoutineKind open)
    {
        var service = HomeCare(client: _bertil);
        var household = Household(false, [HomeCare(), service], [new OpenOrderFact(open, _anna)]);

        ServiceRules.Evaluate(household, new ServiceChange.Added(service), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NewHomeCareNotAssessed_ProposesNothing()
    {
        var service = HomeCare(assessed: false);
        ServiceRules.Evaluate(Household(false, [service]), new ServiceChange.Added(service), Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(CareServiceKind.SafetyAlarm)]
    [InlineData(CareServiceKind.NightSupervision)]
    [InlineData(CareServiceKind.HomeHealthCare)]
    public void Evaluate_NewServiceOtherThanHomeCare_ProposesNothing(CareServiceKind kind)
    {
        var service = Service(kind);
        ServiceRules.Evaluate(Household(false, [service]), new ServiceChange.Added(service), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_HomeCareRegisteredAfterItEnded_ProposesNothing()
    {
        var service = HomeCare(start: Today.AddDays(-40), end: Today.AddDays(-10));
        ServiceRules.Evaluate(Household(false, [service]), new ServiceChange.Added(service), Today)
            .ShouldNotContain(a => a.Kind == RoutineKind.InstallAssessed);
    }

    [Fact]
    public void Evaluate_HomeCareEditedIntoAnAssessedOne_ProposesAnInstall_ButOtherEditsOfItDoNot()
    {
        var before = HomeCare(assessed: false);
        var now = before with { Assessed = true };
        var later = now with { Start = now.Start.AddDays(-1) };

        Single(ServiceRules.Evaluate(Household(false, [now]), new ServiceChange.Edited(before, now), Today), RoutineKind.InstallAssessed);
        ServiceRules.Evaluate(Household(false, [later]), new ServiceChange.Edited(now, later), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_DailySweep_NeverProposesAnInstall() =>
        ServiceRules.Evaluate(Household(false, [HomeCare()]), new ServiceChange.None(), Today).ShouldBeEmpty();

    // ---- Removal ----

    [Fact]
    public void Evaluate_LastLockNeedingServiceEnded_LockMounted_OpensARemovalDueFourteenDaysAfterTheEnd()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-2) };
        var household = Household(true, [ended, Service(CareServiceKind.SafetyAlarm, end: Today.AddDays(-5))]);

        var action = Single(ServiceRules.Evaluate(household, new ServiceChange.Edited(before, ended), Today), RoutineKind.Removal);

        action.Proposed.ShouldBeFalse("a removal is opened at once (seed 003: 14 days)");
        action.DueOn.ShouldBe(Today.AddDays(12));
        action.ClientId.ShouldBe(_anna);
        action.UnitId.ShouldBe(HomeCareA, "the unit whose service ended last held the keys");
    }

    [Fact]
    public void Evaluate_ServiceEndsInTheFuture_NoRemovalUntilTheDayAfterTheEnd()
    {
        var before = HomeCare();
        var ending = before with { End = Today.AddDays(5) };

        ServiceRules.Evaluate(Household(true, [ending]), new ServiceChange.Edited(before, ending), Today).ShouldBeEmpty();
        ServiceRules.Evaluate(Household(true, [ending]), new ServiceChange.None(), Today.AddDays(5)).ShouldBeEmpty("the last day is still a day of service");
        Single(ServiceRules.Evaluate(Household(true, [ending]), new ServiceChange.None(), Today.AddDays(6)), RoutineKind.Removal)
            .DueOn.ShouldBe(Today.AddDays(19));
    }

    [Fact]
    public void Evaluate_OneCohabitantsServicesEnd_TheOtherIsStillServed_TheLockStays()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };
        var household = Household(true, [ended, HomeCare(client: _bertil)]);

        ServiceRules.Evaluate(household, new ServiceChange.Edited(before, ended), Today).ShouldBeEmpty();
        ServiceRules.HouseholdNeedsLock(household, Today).ShouldBeTrue();
        ServiceRules.RemovalDueOn(household, Today).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_BothCohabitantsServicesEnded_DueFourteenDaysAfterTheLaterEnd()
    {
        var bertilBefore = HomeCare(client: _bertil);
        var bertilEnded = bertilBefore with { End = Today.AddDays(-1) };
        var household = Household(true, [HomeCare(end: Today.AddDays(-20)), bertilEnded]);

        Single(ServiceRules.Evaluate(household, new ServiceChange.Edited(bertilBefore, bertilEnded), Today), RoutineKind.Removal)
            .DueOn.ShouldBe(Today.AddDays(13));
    }

    [Theory]
    [InlineData(CareServiceKind.SafetyAlarm)]
    [InlineData(CareServiceKind.NightSupervision)]
    public void Evaluate_HomeCareEnds_AlarmOrNightSupervisionRemains_NoRemoval(CareServiceKind remaining)
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };

        ServiceRules.Evaluate(Household(true, [ended, Service(remaining)]), new ServiceChange.Edited(before, ended), Today)
            .ShouldNotContain(a => a.Kind == RoutineKind.Removal);
    }

    [Fact]
    public void Evaluate_OnlyHomeHealthCareRemains_TheLockComesDown()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };

        Single(ServiceRules.Evaluate(Household(true, [ended, Service(CareServiceKind.HomeHealthCare)]), new ServiceChange.Edited(before, ended), Today),
            RoutineKind.Removal);
    }

    [Fact]
    public void Evaluate_NoLockMounted_NoRemoval()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };
        ServiceRules.Evaluate(Household(false, [ended]), new ServiceChange.Edited(before, ended), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_RemovalAlreadyOpenWithItsDueDate_NothingMore()
    {
        var household = Household(true, [HomeCare(end: Today.AddDays(-30))], [new OpenOrderFact(RoutineKind.Removal, _anna, Today.AddDays(-16))]);

        ServiceRules.Evaluate(household, new ServiceChange.None(), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_RemovalOpenedBeforeTheLastServiceEnded_ItsDueDateMovesToFourteenDaysAfterThatEnd()
    {
        var household = Household(true, [HomeCare(end: Today.AddDays(-3))], [new OpenOrderFact(RoutineKind.Removal, _anna, null)]);

        var action = Single(ServiceRules.Evaluate(household, new ServiceChange.None(), Today), RoutineKind.Removal);

        action.SetsDueOfOpenOrder.ShouldBeTrue("the open removal gets the date; no second removal opens");
        action.DueOn.ShouldBe(Today.AddDays(11));
    }

    [Fact]
    public void Evaluate_LockInAHomeThatNeverHadAService_OneRemovalWhoseDueDateStays()
    {
        var first = Single(ServiceRules.Evaluate(Household(true, [Service(CareServiceKind.Rehab)]), new ServiceChange.None(), Today), RoutineKind.Removal);
        first.DueOn.ShouldBe(Today.AddDays(14));

        var household = Household(true, [Service(CareServiceKind.Rehab)], [new OpenOrderFact(RoutineKind.Removal, null, first.DueOn)]);
        ServiceRules.Evaluate(household, new ServiceChange.None(), Today.AddDays(10)).ShouldBeEmpty("with no end to count from, the due date does not slide");
    }

    // ---- Home care ends, the alarm stays ----

    [Theory]
    [InlineData(CareServiceKind.SafetyAlarm)]
    [InlineData(CareServiceKind.NightSupervision)]
    public void Evaluate_HomeCareEnds_AlarmOrNightRemains_LockMounted_OpensAlarmStaysForTheEndedUnit(CareServiceKind remaining)
    {
        var before = HomeCare(unit: HomeCareB);
        var ended = before with { End = Today.AddDays(-1) };

        var action = Single(ServiceRules.Evaluate(Household(true, [ended, Service(remaining)]), new ServiceChange.Edited(before, ended), Today),
            RoutineKind.HomeCareEndsAlarmStays);

        action.Proposed.ShouldBeFalse();
        action.ClientId.ShouldBe(_anna);
        action.UnitId.ShouldBe(HomeCareB);
    }

    [Fact]
    public void Evaluate_HomeCareEnds_AlarmRemains_NoLock_Nothing()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };
        ServiceRules.Evaluate(Household(false, [ended, Service(CareServiceKind.SafetyAlarm)]), new ServiceChange.Edited(before, ended), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_HomeCareEnds_AnotherHomeCareOfTheClientGoesOn_NoAlarmStays()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };
        var household = Household(true, [ended, HomeCare(start: Today, unit: OtherHomeCareA), Service(CareServiceKind.SafetyAlarm)]);

        ServiceRules.Evaluate(household, new ServiceChange.Edited(before, ended), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_HomeCareEnds_AlarmStaysAlreadyOpenForTheClient_NoDuplicate()
    {
        var before = HomeCare();
        var ended = before with { End = Today.AddDays(-1) };
        var household = Household(true, [ended, Service(CareServiceKind.SafetyAlarm)], [new OpenOrderFact(RoutineKind.HomeCareEndsAlarmStays, _anna)]);

        ServiceRules.Evaluate(household, new ServiceChange.Edited(before, ended), Today).ShouldBeEmpty();
    }

    // ---- Change of provider ----

    [Fact]
    public void Evaluate_ServiceMovesToAnotherProvidersUnit_LockMounted_OpensAChangeOfProviderForTheNewUnit()
    {
        var before = HomeCare();
        var moved = before with { UnitId = HomeCareB, ProviderId = ProviderB };

        var action = Single(ServiceRules.Evaluate(Household(true, [moved]), new ServiceChange.Edited(before, moved), Today), RoutineKind.ChangeOfProvider);

        action.Proposed.ShouldBeFalse();
        action.ClientId.ShouldBe(_anna);
        action.UnitId.ShouldBe(HomeCareB, "the new provider's unit receives the keys");
    }

    [Fact]
    public void Evaluate_ServiceMovesWithinTheSameProvider_Nothing()
    {
        var before = HomeCare();
        var moved = before with { UnitId = OtherHomeCareA };
        ServiceRules.Evaluate(Household(true, [moved]), new ServiceChange.Edited(before, moved), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ServiceMovesProvider_NoLock_Nothing()
    {
        var before = HomeCare();
        var moved = before with { UnitId = HomeCareB, ProviderId = ProviderB };
        ServiceRules.Evaluate(Household(false, [moved]), new ServiceChange.Edited(before, moved), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ChangeOfProviderOpenForTheClient_NoDuplicate_ButTheCohabitantGetsTheirOwn()
    {
        var before = HomeCare(client: _bertil);
        var moved = before with { UnitId = HomeCareB, ProviderId = ProviderB };

        ServiceRules.Evaluate(Household(true, [HomeCare(), moved], [new OpenOrderFact(RoutineKind.ChangeOfProvider, _bertil)]),
            new ServiceChange.Edited(before, moved), Today).ShouldBeEmpty();
        Single(ServiceRules.Evaluate(Household(true, [HomeCare(), moved], [new OpenOrderFact(RoutineKind.ChangeOfProvider, _anna)]),
            new ServiceChange.Edited(before, moved), Today), RoutineKind.ChangeOfProvider).ClientId.ShouldBe(_bertil);
    }

    [Fact]
    public void Evaluate_EndedServiceMovedToAnotherProvider_Nothing()
    {
        var before = HomeCare(end: Today.AddDays(-30));
        var moved = before with { UnitId = HomeCareB, ProviderId = ProviderB };
        ServiceRules.Evaluate(Household(true, [moved, Service(CareServiceKind.SafetyAlarm)]), new ServiceChange.Edited(before, moved), Today)
            .ShouldBeEmpty();
    }

    // ---- The household's need ----

    [Fact]
    public void NeedEndedOn_NeedLasts_Null_EveryServiceEnded_TheLastEnd_NeverNeeded_Today()
    {
        ServiceRules.NeedEndedOn(Household(true, [HomeCare(end: Today.AddDays(-9)), HomeCare(client: _bertil)]), Today).ShouldBeNull();
        ServiceRules.NeedEndedOn(Household(true, [HomeCare(end: Today.AddDays(-9)), Service(CareServiceKind.NightSupervision, end: Today.AddDays(-4))]), Today)
            .ShouldBe(Today.AddDays(-4));
        ServiceRules.NeedEndedOn(Household(true, [Service(CareServiceKind.HomeHealthCare)]), Today).ShouldBe(Today);
    }

    [Fact]
    public void HouseholdNeedsLock_ServiceStartingNextWeek_Counts() =>
        ServiceRules.HouseholdNeedsLock(Household(false, [HomeCare(start: Today.AddDays(7))]), Today).ShouldBeTrue();
}
