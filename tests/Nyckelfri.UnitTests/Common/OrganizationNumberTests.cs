using Nyckelfri.Common;

namespace Nyckelfri.UnitTests.Common;

public class OrganizationNumberTests
{
    [Theory]
    [InlineData("556677-8899", "556677-8899")]
    [InlineData("5566778899", "556677-8899")]
    [InlineData(" 212000-0142 ", "212000-0142")]
    [InlineData("802001-2343", "802001-2343")]
    public void TryParse_ValidNumber_ReturnsNNNNNNDashNNNN(string input, string expected)
    {
        OrganizationNumber.TryParse(input, out var formatted, out var error).ShouldBeTrue();
        formatted.ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("556677-8898")]
    [InlineData("5566778890")]
    [InlineData("212000-0143")]
    public void TryParse_WrongCheckDigit_FailsWithCheckDigitMessage(string input)
    {
        OrganizationNumber.TryParse(input, out var formatted, out var error).ShouldBeFalse();
        formatted.ShouldBeNull();
        error.ShouldBe("Organisationsnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.");
    }

    [Theory]
    [InlineData("556677-889")]
    [InlineData("55667788990")]
    [InlineData("5566-778899")]
    [InlineData("556677+8899")]
    [InlineData("556677 8899")]
    [InlineData("16556677-8899")]
    [InlineData("55667A-8899")]
    [InlineData("５５６６７７-８８９９")]
    public void TryParse_WrongFormat_FailsWithFormatMessage(string input)
    {
        OrganizationNumber.TryParse(input, out var formatted, out var error).ShouldBeFalse();
        formatted.ShouldBeNull();
        error.ShouldBe("Organisationsnumret har fel format. Skriv NNNNNN-NNNN.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Empty_FailsAsMissing(string? input)
    {
        OrganizationNumber.TryParse(input, out var formatted, out var error).ShouldBeFalse();
        formatted.ShouldBeNull();
        error.ShouldBe("Organisationsnumret måste anges.");
    }
}
