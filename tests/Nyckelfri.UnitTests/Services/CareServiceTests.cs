using Nyckelfri.Common;
using Nyckelfri.Services;

namespace Nyckelfri.UnitTests.Services;

public class CareServiceTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly End = new(2026, 6, 30);

    [Fact]
    public void Constructor_ClientAndUnit_TakesClientsMunicipality()
    {
        var client = new ClientBuilder().Build();
        var unit = new UnitBuilder().InMunicipality(client.MunicipalityId).Build();

        var service = new CareService(client, CareServiceKind.SafetyAlarm, assessed: true, unit, Start, End);

        service.MunicipalityId.ShouldBe(client.MunicipalityId);
        service.ClientId.ShouldBe(client.Id);
        service.UnitId.ShouldBe(unit.Id);
        service.Kind.ShouldBe(CareServiceKind.SafetyAlarm);
        service.StartDate.ShouldBe(Start);
        service.EndDate.ShouldBe(End);
    }

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsValidationFailedOnEndDate()
    {
        var error = Should.Throw<ValidationFailedException>(
            () => new CareServiceBuilder().From(Start, Start.AddDays(-1)).Build());

        error.Errors.Keys.ShouldBe(["EndDate"]);
        error.Errors["EndDate"].ShouldBe(["Slutdatum kan inte ligga före startdatum."]);
    }

    [Fact]
    public void Constructor_SameDayStartAndEnd_Allowed()
    {
        var service = new CareServiceBuilder().From(Start, Start).Build();

        service.StartDate.ShouldBe(Start);
        service.EndDate.ShouldBe(Start);
    }

    [Fact]
    public void Constructor_NoEndDate_OpenEnded() =>
        new CareServiceBuilder().From(Start).Build().EndDate.ShouldBeNull();

    [Fact]
    public void Constructor_UnitOfAnotherMunicipality_ThrowsValidationFailedOnUnitId()
    {
        var client = new ClientBuilder().Build();
        var foreignUnit = new UnitBuilder().InMunicipality(AMunicipality.Id()).Build();

        var error = Should.Throw<ValidationFailedException>(() => new CareServiceBuilder().For(client).By(foreignUnit).Build());

        error.Errors.Keys.ShouldBe(["UnitId"]);
    }

    [Fact]
    public void ChangePeriod_EndBeforeStart_ThrowsAndKeepsPeriod()
    {
        var service = new CareServiceBuilder().From(Start, End).Build();

        var error = Should.Throw<ValidationFailedException>(() => service.ChangePeriod(End, Start));

        error.Errors.Keys.ShouldContain("EndDate");
        service.StartDate.ShouldBe(Start);
        service.EndDate.ShouldBe(End);
    }

    [Fact]
    public void ChangePeriod_ValidPeriod_Replaces()
    {
        var service = new CareServiceBuilder().From(Start, End).Build();

        service.ChangePeriod(End, null);

        service.StartDate.ShouldBe(End);
        service.EndDate.ShouldBeNull();
    }

    [Theory]
    [InlineData(-1, false)] // the day before start
    [InlineData(0, true)]   // the start day
    [InlineData(60, true)]  // in the middle
    [InlineData(121, true)] // the end day (30 June)
    [InlineData(122, false)] // the day after end
    public void IsActiveOn_DayRelativeToStart_ActiveOnlyInsideThePeriod(int daysAfterStart, bool expected)
    {
        var service = new CareServiceBuilder().From(Start, End).Build();

        service.IsActiveOn(Start.AddDays(daysAfterStart)).ShouldBe(expected);
    }

    [Fact]
    public void IsActiveOn_SameDayServiceOnThatDay_Active()
    {
        var service = new CareServiceBuilder().From(Start, Start).Build();

        service.IsActiveOn(Start).ShouldBeTrue();
        service.IsActiveOn(Start.AddDays(1)).ShouldBeFalse();
        service.IsActiveOn(Start.AddDays(-1)).ShouldBeFalse();
    }

    [Fact]
    public void IsActiveOn_OpenEndedYearsLater_Active() =>
        new CareServiceBuilder().From(Start).Build().IsActiveOn(Start.AddYears(20)).ShouldBeTrue();

    [Fact]
    public void IsActiveOn_OpenEndedBeforeStart_Inactive() =>
        new CareServiceBuilder().From(Start).Build().IsActiveOn(Start.AddDays(-1)).ShouldBeFalse();

    [Fact]
    public void MoveTo_UnitOfSameMunicipality_Moves()
    {
        var client = new ClientBuilder().Build();
        var service = new CareServiceBuilder().For(client).Build();
        var other = new UnitBuilder().InMunicipality(client.MunicipalityId).Named("Hemtjänstgrupp Söder").Build();

        service.MoveTo(other);

        service.UnitId.ShouldBe(other.Id);
        service.Unit.ShouldBeSameAs(other);
    }

    [Fact]
    public void MoveTo_UnitOfAnotherMunicipality_ThrowsAndKeepsUnit()
    {
        var service = new CareServiceBuilder().Build();
        var before = service.UnitId;

        var error = Should.Throw<ValidationFailedException>(() => service.MoveTo(new UnitBuilder().Build()));

        error.Errors["UnitId"].ShouldBe(["Enheten finns inte."]);
        service.UnitId.ShouldBe(before);
    }

    [Fact]
    public void SwedishName_EveryKind_HasSwedishName()
    {
        foreach (var kind in Enum.GetValues<CareServiceKind>())
            CareService.SwedishName(kind).ShouldNotBe(kind.ToString());
    }
}
