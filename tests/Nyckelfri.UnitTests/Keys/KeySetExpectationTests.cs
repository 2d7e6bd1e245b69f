using Nyckelfri.Keys;
using Nyckelfri.Services;
using static Nyckelfri.Keys.KeySetExpectation;

namespace Nyckelfri.UnitTests.Keys;

public class KeySetExpectationTests
{
    private static readonly Guid HomeCare = Guid.CreateVersion7();
    private static readonly Guid Alarm = Guid.CreateVersion7();
    private static readonly Guid Rehab = Guid.CreateVersion7();
    private static readonly Guid FormerHomeCare = Guid.CreateVersion7();

    private static string Name(Guid unit) =>
        unit == HomeCare ? "Hemtjänstgrupp Norr"
        : unit == Alarm ? "Larmgruppen"
        : unit == FormerHomeCare ? "Omsorg AB Söder"
        : "Okänd enhet";

    private static ActiveService S(CareServiceKind kind, Guid unit) => new(kind, unit);

    [Fact]
    public void For_HomeCareAndSafetyAlarm_TwoSetsOnePerUnit()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], false, []);

        expectation.Expected.ShouldBe(2);
        expectation.ExpectedHolders.ShouldBe([HomeCare, Alarm], ignoreOrder: true);
    }

    [Fact]
    public void For_HomeCareOnly_OneSet()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare)], false, []);

        expectation.ExpectedHolders.ShouldBe([HomeCare]);
    }

    [Fact]
    public void For_SafetyAlarmAndNightSupervisionBySameUnit_OneSet()
    {
        var expectation = For([S(CareServiceKind.SafetyAlarm, Alarm), S(CareServiceKind.NightSupervision, Alarm)], false, []);

        expectation.ExpectedHolders.ShouldBe([Alarm]);
    }

    [Fact]
    public void For_OpensDoorThemselfWithHomeCareAndAlarm_OneSetForTheAlarmUnit()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], true, []);

        expectation.ExpectedHolders.ShouldBe([Alarm]);
    }

    [Fact]
    public void For_OpensDoorThemselfWithHomeCareOnly_NoSet() =>
        For([S(CareServiceKind.HomeCare, HomeCare)], true, []).Expected.ShouldBe(0);

    [Fact]
    public void For_HomeHealthCareAndRehabOnly_NoSet()
    {
        var expectation = For([S(CareServiceKind.HomeHealthCare, Rehab), S(CareServiceKind.Rehab, Rehab)], false, []);

        expectation.Expected.ShouldBe(0);
        expectation.Matches.ShouldBeTrue();
    }

    [Fact]
    public void For_TwoHomeCareServicesBySameUnit_OneSet() =>
        For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.HomeCare, HomeCare)], false, []).Expected.ShouldBe(1);

    [Fact]
    public void For_HoldersAsExpectedInAnyOrder_MatchesWithoutWarnings()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], false, [Alarm, HomeCare]);

        expectation.Matches.ShouldBeTrue();
        expectation.MissingAt.ShouldBeEmpty();
        expectation.SurplusAt.ShouldBeEmpty();
        expectation.Warnings(Name).ShouldBeEmpty();
    }

    [Fact]
    public void For_NoServicesNoSets_Matches() =>
        For([], false, []).Matches.ShouldBeTrue();

    [Fact]
    public void For_AlarmUnitHasNoSet_MissingAtAlarm()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], false, [HomeCare]);

        expectation.Matches.ShouldBeFalse();
        expectation.MissingAt.ShouldBe([Alarm]);
        expectation.SurplusAt.ShouldBeEmpty();
        expectation.Actual.ShouldBe(1);
    }

    [Fact]
    public void For_SetAtUnitThatNoLongerServes_SurplusThere()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare)], false, [HomeCare, FormerHomeCare]);

        expectation.Matches.ShouldBeFalse();
        expectation.SurplusAt.ShouldBe([FormerHomeCare]);
        expectation.MissingAt.ShouldBeEmpty();
    }

    [Fact]
    public void For_SecondSetAtTheSameUnit_OneSurplusThere()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare)], false, [HomeCare, HomeCare]);

        expectation.Matches.ShouldBeFalse();
        expectation.SurplusAt.ShouldBe([HomeCare]);
        expectation.MissingAt.ShouldBeEmpty();
    }

    [Fact]
    public void For_ClientOpensDoorButHomeCareStillHoldsASet_SurplusAtHomeCare()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], true, [HomeCare, Alarm]);

        expectation.SurplusAt.ShouldBe([HomeCare]);
    }

    [Fact]
    public void Warnings_MissingSet_CountsAndNamesTheUnit()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], false, [HomeCare]);

        expectation.Warnings(Name).ShouldBe([
            "Brukaren ska ha 2 nyckeluppsättningar utlämnade enligt insatserna, men 1 nyckeluppsättning är registrerad hos enheter.",
            "Larmgruppen har ingen nyckeluppsättning men utför hemtjänst eller larm/natt hos brukaren.",
        ]);
    }

    [Fact]
    public void Warnings_SurplusSet_CountsAndNamesTheUnit()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare)], false, [HomeCare, FormerHomeCare]);

        expectation.Warnings(Name).ShouldBe([
            "Brukaren ska ha 1 nyckeluppsättning utlämnad enligt insatserna, men 2 nyckeluppsättningar är registrerade hos enheter.",
            "Omsorg AB Söder har en nyckeluppsättning som inte behövs: lämna över eller lämna tillbaka den med kvittens.",
        ]);
    }

    [Fact]
    public void Warnings_ThreeSetsAtOneUnitThatNeedsOne_NamesTheUnitOnce()
    {
        var expectation = For([S(CareServiceKind.SafetyAlarm, Alarm)], false, [Alarm, Alarm, Alarm]);

        expectation.SurplusAt.ShouldBe([Alarm, Alarm]);
        expectation.Warnings(Name).ShouldBe([
            "Brukaren ska ha 1 nyckeluppsättning utlämnad enligt insatserna, men 3 nyckeluppsättningar är registrerade hos enheter.",
            "Larmgruppen har en nyckeluppsättning som inte behövs: lämna över eller lämna tillbaka den med kvittens.",
        ]);
    }

    [Fact]
    public void Warnings_SameCountButWrongUnit_WarnsAboutBothUnits()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare)], false, [FormerHomeCare]);

        expectation.Expected.ShouldBe(expectation.Actual);
        expectation.Warnings(Name).ShouldBe([
            "Brukaren ska ha 1 nyckeluppsättning utlämnad enligt insatserna, men 1 nyckeluppsättning är registrerad hos enheter.",
            "Hemtjänstgrupp Norr har ingen nyckeluppsättning men utför hemtjänst eller larm/natt hos brukaren.",
            "Omsorg AB Söder har en nyckeluppsättning som inte behövs: lämna över eller lämna tillbaka den med kvittens.",
        ]);
    }

    [Fact]
    public void Warnings_NoSetsWhereTwoAreExpected_Plural()
    {
        var expectation = For([S(CareServiceKind.HomeCare, HomeCare), S(CareServiceKind.SafetyAlarm, Alarm)], false, []);

        expectation.Warnings(Name).First().ShouldBe(
            "Brukaren ska ha 2 nyckeluppsättningar utlämnade enligt insatserna, men 0 nyckeluppsättningar är registrerade hos enheter.");
    }
}
