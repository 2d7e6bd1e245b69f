using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Staff;

namespace Nyckelfri.UnitTests.Staff;

/// <summary>The additions for the staff pages: choosing units before saving, and "employed today" as a query.</summary>
public class EmployeeUnitsAndCurrencyTests
{
    private static readonly Guid Municipality = Guid.CreateVersion7();
    private static readonly DateOnly Start = new(2024, 3, 1);

    private static Provider NewProvider(string name) => new(Municipality, name, ProviderKind.ExternalLov);

    private static Employee NewEmployee(Provider provider, DateOnly? end = null, DateOnly? leaveFrom = null, DateOnly? leaveTo = null) =>
        new(Municipality, provider.Id, "Åsa", "Öberg", EmploymentType.Permanent, Start)
        {
            EndDate = end, LongLeaveFrom = leaveFrom, LongLeaveTo = leaveTo,
        };

    [Fact]
    public void ValidateUnits_UnitsOfOwnProvider_NoError()
    {
        var provider = NewProvider("Omsorg AB");
        var v = new Validator();
        Employee.ValidateUnits(v, provider.Id, [new Unit(provider, "Norr", UnitKind.HomeCare), new Unit(provider, "Natt", UnitKind.NightPatrol)]);
        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ValidateUnits_NoUnits_NoError()
    {
        var v = new Validator();
        Employee.ValidateUnits(v, Guid.CreateVersion7(), []);
        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ValidateUnits_UnitOfAnotherProvider_ErrorOnUnitIds()
    {
        var own = NewProvider("Omsorg AB");
        var other = NewProvider("Annan Omsorg AB");
        var v = new Validator();
        Employee.ValidateUnits(v, own.Id, [new Unit(own, "Norr", UnitKind.HomeCare), new Unit(other, "Söder", UnitKind.HomeCare)]);

        var errors = Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;
        errors.Keys.ShouldBe(["UnitIds"]);
        errors["UnitIds"].ShouldBe(["En medarbetare kan bara tillhöra enheter hos sin egen utförare."]);
    }

    [Fact]
    public void ValidateUnits_SameRuleAsSetUnits_SameMessage()
    {
        var own = NewProvider("Omsorg AB");
        var other = NewProvider("Annan Omsorg AB");
        var employee = NewEmployee(own);
        var v = new Validator();
        Employee.ValidateUnits(v, own.Id, [new Unit(other, "Söder", UnitKind.HomeCare)]);

        var fromSetUnits = Should.Throw<ValidationFailedException>(() => employee.SetUnits([new Unit(other, "Söder", UnitKind.HomeCare)])).Errors;
        var fromValidate = Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;
        fromValidate.Keys.ShouldBe(fromSetUnits.Keys);
        fromValidate["UnitIds"].ShouldBe(fromSetUnits["UnitIds"]);
    }

    public static TheoryData<DateOnly?, DateOnly?, DateOnly?> Periods => new()
    {
        { null, null, null },
        { new DateOnly(2025, 6, 30), null, null },
        { null, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31) },
        { null, new DateOnly(2025, 1, 1), null },
        { new DateOnly(2025, 12, 31), new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 1) },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void EmployedOn_EveryDayAroundThePeriod_AgreesWithIsEmployedOn(DateOnly? end, DateOnly? leaveFrom, DateOnly? leaveTo)
    {
        var employee = NewEmployee(NewProvider("Omsorg AB"), end, leaveFrom, leaveTo);
        for (var day = Start.AddDays(-2); day <= new DateOnly(2026, 1, 5); day = day.AddDays(1))
        {
            var query = Employee.EmployedOn(day).Compile();
            query(employee).ShouldBe(employee.IsEmployedOn(day), $"on {day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void EmployedOn_DuringLongLeave_False()
    {
        var employee = NewEmployee(NewProvider("Omsorg AB"), leaveFrom: new DateOnly(2025, 1, 1), leaveTo: new DateOnly(2025, 3, 31));
        Employee.EmployedOn(new DateOnly(2025, 2, 1)).Compile()(employee).ShouldBeFalse();
        Employee.EmployedOn(new DateOnly(2025, 4, 1)).Compile()(employee).ShouldBeTrue();
    }
}
