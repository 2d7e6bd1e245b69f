using System.Globalization;
using Nyckelfri.Common;
using Nyckelfri.Staff;

namespace Nyckelfri.UnitTests.Staff;

public class EmployeeTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private static readonly DateOnly End = new(2026, 2, 28);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(
        DateOnly start, DateOnly? end, DateOnly? leaveFrom, DateOnly? leaveTo)
    {
        var v = new Validator();
        Employee.ValidateDates(v, start, end, leaveFrom, leaveTo);
        if (v.IsValid) return new Dictionary<string, string[]>();
        return Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;
    }

    // --- ValidateDates ---

    [Fact]
    public void ValidateDates_OpenEndedWithoutLeave_Valid() =>
        ErrorsOf(Start, null, null, null).ShouldBeEmpty();

    [Fact]
    public void ValidateDates_LeaveInsideEmployment_Valid() =>
        ErrorsOf(Start, End, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)).ShouldBeEmpty();

    [Fact]
    public void ValidateDates_EndOnStartDay_Valid() =>
        ErrorsOf(Start, Start, null, null).ShouldBeEmpty();

    [Fact]
    public void ValidateDates_LeaveFromStartDayUntilFurtherNotice_Valid() =>
        ErrorsOf(Start, null, Start, null).ShouldBeEmpty();

    [Fact]
    public void ValidateDates_OneDayLeave_Valid() =>
        ErrorsOf(Start, End, Start.AddDays(10), Start.AddDays(10)).ShouldBeEmpty();

    [Fact]
    public void ValidateDates_EndBeforeStart_ErrorOnEndDate() =>
        ErrorsOf(Start, Start.AddDays(-1), null, null)
            .ShouldBeSingleError("EndDate", "Slutdatum kan inte ligga före startdatum.");

    [Fact]
    public void ValidateDates_LeaveEndWithoutLeaveStart_ErrorOnLongLeaveFrom() =>
        ErrorsOf(Start, null, null, new DateOnly(2025, 6, 30))
            .ShouldBeSingleError("LongLeaveFrom", "Ange när ledigheten börjar.");

    [Fact]
    public void ValidateDates_LeaveEndsBeforeItStarts_ErrorOnLongLeaveTo() =>
        ErrorsOf(Start, null, new DateOnly(2025, 6, 30), new DateOnly(2025, 6, 29))
            .ShouldBeSingleError("LongLeaveTo", "Ledigheten kan inte sluta innan den börjar.");

    [Fact]
    public void ValidateDates_LeaveStartsBeforeEmployment_ErrorOnLongLeaveFrom() =>
        ErrorsOf(Start, null, Start.AddDays(-1), null)
            .ShouldBeSingleError("LongLeaveFrom", "Ledigheten kan inte börja före anställningen.");

    [Fact]
    public void ValidateDates_LeaveStartsAfterEmploymentEnded_ErrorOnLongLeaveFrom() =>
        ErrorsOf(Start, End, End.AddDays(1), null)
            .ShouldBeSingleError("LongLeaveFrom", "Ledigheten kan inte börja efter att anställningen har slutat.");

    [Fact]
    public void ValidateDates_SeveralMistakes_AllReportedPerField()
    {
        var errors = ErrorsOf(Start, Start.AddDays(-5), Start.AddDays(-3), Start.AddDays(-4));

        errors.Keys.ShouldBe(["EndDate", "LongLeaveTo", "LongLeaveFrom"], ignoreOrder: true);
        errors["LongLeaveFrom"].ShouldContain("Ledigheten kan inte börja före anställningen.");
    }

    // --- IsEmployedOn ---

    [Theory]
    [InlineData("2024-02-29", false)] // the day before start
    [InlineData("2024-03-01", true)]  // the start day
    [InlineData("2025-07-01", true)]
    [InlineData("2026-02-28", true)]  // the end day
    [InlineData("2026-03-01", false)] // the day after end
    public void IsEmployedOn_DayAroundEmployment_EmployedOnlyInsideIt(string day, bool expected) =>
        new EmployeeBuilder().Employed(Start, End).Build().IsEmployedOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void IsEmployedOn_OpenEndedYearsLater_Employed() =>
        new EmployeeBuilder().Employed(Start).Build().IsEmployedOn(Start.AddYears(30)).ShouldBeTrue();

    [Theory]
    [InlineData("2025-01-31", true)]  // the day before leave
    [InlineData("2025-02-01", false)] // the first day of leave
    [InlineData("2025-04-15", false)]
    [InlineData("2025-08-31", false)] // the last day of leave
    [InlineData("2025-09-01", true)]  // back at work
    public void IsEmployedOn_DayAroundLongLeave_NotEmployedDuringLeave(string day, bool expected)
    {
        var employee = new EmployeeBuilder().Employed(Start)
            .OnLongLeave(new DateOnly(2025, 2, 1), new DateOnly(2025, 8, 31)).Build();

        employee.IsEmployedOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void IsEmployedOn_LeaveUntilFurtherNotice_NotEmployedFromLeaveStartOn()
    {
        var leaveFrom = new DateOnly(2025, 2, 1);
        var employee = new EmployeeBuilder().Employed(Start).OnLongLeave(leaveFrom, null).Build();

        employee.IsEmployedOn(leaveFrom.AddDays(-1)).ShouldBeTrue();
        employee.IsEmployedOn(leaveFrom).ShouldBeFalse();
        employee.IsEmployedOn(leaveFrom.AddYears(5)).ShouldBeFalse();
    }

    [Fact]
    public void IsEmployedOn_LeaveOnStartDay_NotEmployedOnStartDay()
    {
        var employee = new EmployeeBuilder().Employed(Start).OnLongLeave(Start, Start.AddDays(30)).Build();

        employee.IsEmployedOn(Start).ShouldBeFalse();
        employee.IsEmployedOn(Start.AddDays(31)).ShouldBeTrue();
    }

    // --- SetUnits ---

    [Fact]
    public void SetUnits_UnitsOfOwnProvider_Set()
    {
        var provider = new ProviderBuilder().Build();
        var north = new UnitBuilder().Of(provider).Named("Norr").Build();
        var south = new UnitBuilder().Of(provider).Named("Söder").Build();
        var employee = new EmployeeBuilder().Of(provider).Build();

        employee.SetUnits([north, south]);

        employee.Units.Select(u => u.UnitId).ShouldBe([north.Id, south.Id], ignoreOrder: true);
        employee.Units.ShouldAllBe(u => u.EmployeeId == employee.Id);
    }

    [Fact]
    public void SetUnits_UnitOfAnotherProvider_ThrowsAndKeepsUnits()
    {
        var provider = new ProviderBuilder().Build();
        var own = new UnitBuilder().Of(provider).Build();
        var otherProvider = new ProviderBuilder().InMunicipality(provider.MunicipalityId).Named("Omsorg AB").Build();
        var foreign = new UnitBuilder().Of(otherProvider).Build();
        var employee = new EmployeeBuilder().Of(provider).Build();
        employee.SetUnits([own]);

        var error = Should.Throw<ValidationFailedException>(() => employee.SetUnits([own, foreign]));

        error.Errors["UnitIds"].ShouldBe(["En medarbetare kan bara tillhöra enheter hos sin egen utförare."]);
        employee.Units.Select(u => u.UnitId).ShouldBe([own.Id]);
    }

    [Fact]
    public void SetUnits_NewSet_ReplacesOldSetAndKeepsUnchangedLinks()
    {
        var provider = new ProviderBuilder().Build();
        var a = new UnitBuilder().Of(provider).Named("A").Build();
        var b = new UnitBuilder().Of(provider).Named("B").Build();
        var c = new UnitBuilder().Of(provider).Named("C").Build();
        var employee = new EmployeeBuilder().Of(provider).Build();
        employee.SetUnits([a, b]);
        var linkToB = employee.Units.Single(u => u.UnitId == b.Id);

        employee.SetUnits([b, c]);

        employee.Units.Select(u => u.UnitId).ShouldBe([b.Id, c.Id], ignoreOrder: true);
        employee.Units.Single(u => u.UnitId == b.Id).ShouldBeSameAs(linkToB);
    }

    [Fact]
    public void SetUnits_EmptySet_RemovesAll()
    {
        var provider = new ProviderBuilder().Build();
        var employee = new EmployeeBuilder().Of(provider).Build();
        employee.SetUnits([new UnitBuilder().Of(provider).Build()]);

        employee.SetUnits([]);

        employee.Units.ShouldBeEmpty();
    }

    [Fact]
    public void SetUnits_SameUnitTwice_LinkedOnce()
    {
        var provider = new ProviderBuilder().Build();
        var unit = new UnitBuilder().Of(provider).Build();
        var employee = new EmployeeBuilder().Of(provider).Build();

        employee.SetUnits([unit, unit]);

        employee.Units.ShouldHaveSingleItem().UnitId.ShouldBe(unit.Id);
    }

    [Fact]
    public void SetUnits_SameSetAgain_Unchanged()
    {
        var provider = new ProviderBuilder().Build();
        var unit = new UnitBuilder().Of(provider).Build();
        var employee = new EmployeeBuilder().Of(provider).Build();
        employee.SetUnits([unit]);
        var link = employee.Units.Single();

        employee.SetUnits([unit]);

        employee.Units.ShouldHaveSingleItem().ShouldBeSameAs(link);
    }
}
