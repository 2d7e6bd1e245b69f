using Nyckelfri.Access;
using Nyckelfri.Common;

namespace Nyckelfri.UnitTests.Visits;

public sealed class AccessLogTextTests
{
    [Theory]
    [InlineData("WrongLock", "Nyckeln gäller inte för det här låset.")]
    [InlineData("NoServingUnit", "Ingen av medarbetarens enheter ger insats hos brukaren.")]
    [InlineData("something-else", "something-else")]
    [InlineData("6", "6")]
    public void ReasonName_StoredCode_IsSwedishWhenKnown(string code, string expected) =>
        ListAccessEvents.ReasonName(code).ShouldBe(expected);

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+46 70", "'+46 70")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("Anna; Berg", "\"Anna; Berg\"")]
    [InlineData("Dörren öppnad", "Dörren öppnad")]
    public void Cell_FormulaOrSeparator_IsDefusedOrQuoted(string value, string expected) => CsvText.Cell(value).ShouldBe(expected);

    [Fact]
    public void SwedishPeriod_SummerTimeEndsInThePeriod_CoversWholeSwedishDays()
    {
        var v = new Validator();

        var period = SwedishPeriod.Of(v, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25));

        v.IsValid.ShouldBeTrue();
        period.FromUtc.ShouldBe(new DateTime(2026, 10, 23, 22, 0, 0, DateTimeKind.Utc));
        period.ToUtcExclusive.ShouldBe(new DateTime(2026, 10, 25, 23, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void SwedishPeriod_EndBeforeStart_IsAFieldError()
    {
        var v = new Validator();

        SwedishPeriod.Of(v, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 22));

        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors.Keys.ShouldContain("To");
    }
}
