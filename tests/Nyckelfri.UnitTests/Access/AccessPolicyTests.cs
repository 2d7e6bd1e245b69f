using Nyckelfri.Access;
using static Nyckelfri.UnitTests.Access.EmployeeFactsBuilder;

namespace Nyckelfri.UnitTests.Access;

/// <summary>
/// The permission rule with an injected "today" (SPEC §6, seed 001): every edge of a service, a grant,
/// an employment and a leave, day by day. Days are Swedish calendar days, both ends included.
/// </summary>
public class AccessPolicyTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static PermissionDecision Decide(EmployeeAccessFacts employee, DateOnly day, params ServiceFacts[] services) =>
        AccessPolicy.Decide(employee, services, day);

    // ---- the service's period ----

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    public void Decide_ServiceStart_OpensFromTheStartDay(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();
        var service = HomeCare(Centrum, Today);

        var decision = Decide(employee, Today.AddDays(offset), service);

        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Denial.ShouldBe(PermissionDenial.NoServiceBehindLock);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Decide_ServiceEnd_OpensOnTheEndDayAndNotAfter(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();
        var service = HomeCare(Centrum, Today.AddMonths(-1), Today);

        var decision = Decide(employee, Today.AddDays(offset), service);

        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Denial.ShouldBe(PermissionDenial.NoServiceBehindLock);
    }

    [Fact]
    public void Decide_OwnUnitServes_AllowsWithTheOwnUnitPathAndItsExplanation()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBeTrue();
        var path = decision.Paths.ShouldHaveSingleItem();
        path.ViaGrant.ShouldBeNull();
        path.Explanation.ShouldBe("Anna Andersson har hemtjänst från Centrum; medarbetaren arbetar på Centrum tills vidare.");
        decision.LastDay.ShouldBeNull();
    }

    [Fact]
    public void Decide_AnotherUnitServes_DeniesNoServingUnit()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Norr).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBeFalse();
        decision.Denial.ShouldBe(PermissionDenial.NoServingUnit);
        decision.Explanation.ShouldBe("Ingen av medarbetarens enheter ger insats hos brukaren.");
    }

    // ---- a substitute's booking ----

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Decide_SubstituteBooking_OpensOnExactlyTheBookedDays(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().Hourly()
            .WithGrant(AccessGrantKind.SubstituteBooking, Centrum, Today, Today.AddDays(4)).Build();

        var decision = Decide(employee, Today.AddDays(offset), HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBe(allowed);
        if (allowed)
        {
            decision.Paths.ShouldHaveSingleItem().ViaGrant.ShouldBe(AccessGrantKind.SubstituteBooking);
            decision.LastDay.ShouldBe(Today.AddDays(4));
            decision.Explanation.ShouldContain("vikariebokad på Centrum av bemanningsenheten t.o.m. 2026-03-14");
        }
        else decision.Denial.ShouldBe(PermissionDenial.SubstituteNotBooked);
    }

    [Fact]
    public void Decide_SubstituteBookingWithdrawn_DeniesSubstituteNotBooked()
    {
        var employee = new EmployeeFactsBuilder().Hourly()
            .WithGrant(AccessGrantKind.SubstituteBooking, Centrum, Today, Today.AddDays(4), withdrawn: true).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBeFalse();
        decision.Denial.ShouldBe(PermissionDenial.SubstituteNotBooked);
    }

    [Fact]
    public void Decide_HourlyWithoutBooking_DeniesSubstituteNotBookedWithTheSwedishReason()
    {
        var employee = new EmployeeFactsBuilder().Hourly().Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Denial.ShouldBe(PermissionDenial.SubstituteNotBooked);
        decision.Explanation.ShouldBe("Vikarien är inte bokad av bemanningsenheten på den enhet som ger insatsen i dag.");
        decision.Paths.ShouldBeEmpty();
    }

    [Fact]
    public void Decide_BookedOnAnotherUnit_DeniesSubstituteNotBooked()
    {
        var employee = new EmployeeFactsBuilder().Hourly().WithGrant(AccessGrantKind.SubstituteBooking, Norr, Today, Today).Build();

        Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1))).Denial.ShouldBe(PermissionDenial.SubstituteNotBooked);
    }

    // ---- a manager's added and restricted units ----

    [Fact]
    public void Decide_AddedUnit_AllowsViaTheAddedUnitUntilItsEnd()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Norr).WithGrant(AccessGrantKind.AddUnit, Centrum, Today.AddDays(-2), Today.AddDays(2)).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBeTrue();
        decision.Paths.ShouldHaveSingleItem().ViaGrant.ShouldBe(AccessGrantKind.AddUnit);
        decision.LastDay.ShouldBe(Today.AddDays(2));
        decision.Explanation.ShouldContain("tillfälligt tillagd på Centrum");
        Decide(employee, Today.AddDays(3), HomeCare(Centrum, Today.AddYears(-1))).Denial.ShouldBe(PermissionDenial.NoServingUnit);
    }

    [Fact]
    public void Decide_OwnUnitRestricted_DeniesUnitRestricted()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).WithGrant(AccessGrantKind.RestrictUnit, Centrum, Today, Today.AddDays(6)).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBeFalse();
        decision.Denial.ShouldBe(PermissionDenial.UnitRestricted);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Decide_RestrictionEnds_OpensAgainTheDayAfter(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).WithGrant(AccessGrantKind.RestrictUnit, Centrum, Today, Today.AddDays(6)).Build();

        Decide(employee, Today.AddDays(offset), HomeCare(Centrum, Today.AddYears(-1))).Allowed.ShouldBe(allowed);
    }

    [Fact]
    public void Decide_RestrictedUnitButAnotherOwnUnitServesToo_AllowsThroughTheOtherUnit()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).InUnit(Norr).WithGrant(AccessGrantKind.RestrictUnit, Centrum, Today, Today).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)), HomeCare(Norr, Today.AddYears(-1)));

        decision.Allowed.ShouldBeTrue();
        decision.Paths.ShouldHaveSingleItem().UnitId.ShouldBe(Norr);
    }

    // ---- employment and leave ----

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void Decide_EmploymentStarts_DeniedNotYetEmployedUntilTheStartDay(int startsInDays, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().Employed(Today.AddDays(startsInDays)).InUnit(Centrum).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Denial.ShouldBe(PermissionDenial.NotYetEmployed);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Decide_EmploymentEnds_OpensOnTheLastDayNotTheDayAfter(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().Employed(Today.AddYears(-1), Today).InUnit(Centrum).Build();

        var decision = Decide(employee, Today.AddDays(offset), HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBe(allowed);
        if (allowed) decision.LastDay.ShouldBe(Today);
        else decision.Denial.ShouldBe(PermissionDenial.EmploymentEnded);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(89, false)]
    [InlineData(90, true)]
    public void Decide_LongLeave_DeniedFromTheFirstToTheLastDayOfLeave(int offset, bool allowed)
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).OnLeave(Today, Today.AddDays(89)).Build();

        var decision = Decide(employee, Today.AddDays(offset), HomeCare(Centrum, Today.AddYears(-1)));

        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Denial.ShouldBe(PermissionDenial.OnLongLeave);
    }

    [Fact]
    public void Decide_OpenEndedLeave_DeniedLongAfter()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).OnLeave(Today, null).Build();

        Decide(employee, Today.AddYears(2), HomeCare(Centrum, Today.AddYears(-1))).Denial.ShouldBe(PermissionDenial.OnLongLeave);
    }

    [Fact]
    public void Decide_EmploymentChecksComeFirst_AnEndedSubstituteWithABookingIsStillDenied()
    {
        var employee = new EmployeeFactsBuilder().Hourly().Employed(Today.AddYears(-1), Today.AddDays(-1))
            .WithGrant(AccessGrantKind.SubstituteBooking, Centrum, Today, Today).Build();

        Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1))).Denial.ShouldBe(PermissionDenial.EmploymentEnded);
    }

    // ---- the last day ----

    [Fact]
    public void LastDay_ServiceEndsBeforeTheBooking_IsTheServiceEnd()
    {
        var employee = new EmployeeFactsBuilder().Hourly().WithGrant(AccessGrantKind.SubstituteBooking, Centrum, Today, Today.AddDays(10)).Build();

        Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1), Today.AddDays(3))).LastDay.ShouldBe(Today.AddDays(3));
    }

    [Fact]
    public void LastDay_LeaveComing_IsTheDayBeforeTheLeave()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).OnLeave(Today.AddDays(5), Today.AddDays(100)).Build();

        Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1))).LastDay.ShouldBe(Today.AddDays(4));
    }

    [Fact]
    public void LastDay_EmploymentEndsBeforeTheService_IsTheEmploymentEnd()
    {
        var employee = new EmployeeFactsBuilder().Employed(Today.AddYears(-1), Today.AddDays(7)).InUnit(Centrum).Build();

        Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1), Today.AddDays(30))).LastDay.ShouldBe(Today.AddDays(7));
    }

    [Fact]
    public void LastDay_TwoPathsOneOpenEnded_IsOpenEnded()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).WithGrant(AccessGrantKind.AddUnit, Norr, Today, Today.AddDays(2)).Build();

        var decision = Decide(employee, Today, HomeCare(Centrum, Today.AddYears(-1)), HomeCare(Norr, Today.AddYears(-1)));

        decision.Paths.Count.ShouldBe(2);
        decision.LastDay.ShouldBeNull();
    }

    // ---- nothing to open at all ----

    [Fact]
    public void NothingToOpen_HourlyWithoutBooking_IsSubstituteNotBooked()
    {
        AccessPolicy.NothingToOpen(new EmployeeFactsBuilder().Hourly().Build(), Today).ShouldBe(PermissionDenial.SubstituteNotBooked);
    }

    [Fact]
    public void NothingToOpen_EveryOwnUnitRestricted_IsUnitRestricted()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).WithGrant(AccessGrantKind.RestrictUnit, Centrum, Today, Today).Build();

        AccessPolicy.NothingToOpen(employee, Today).ShouldBe(PermissionDenial.UnitRestricted);
    }

    [Fact]
    public void NothingToOpen_WorksForAUnit_IsNull()
    {
        AccessPolicy.NothingToOpen(new EmployeeFactsBuilder().InUnit(Centrum).Build(), Today).ShouldBeNull();
    }
}
