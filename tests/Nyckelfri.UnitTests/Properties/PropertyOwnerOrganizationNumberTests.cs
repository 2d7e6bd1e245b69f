using Nyckelfri.Properties;

namespace Nyckelfri.UnitTests.Properties;

public class PropertyOwnerOrganizationNumberTests
{
    [Theory]
    [InlineData("556036-0793", "556036-0793")]
    [InlineData("5560360793", "556036-0793")]
    [InlineData(" 556036 0793 ", "556036-0793")]
    [InlineData("716460-0004", "716460-0004")]
    public void NormalizeOrganizationNumber_TenDigitsWithValidCheckDigit_FormattedWithDash(string input, string expected) =>
        PropertyOwner.NormalizeOrganizationNumber(input).ShouldBe(expected);

    [Theory]
    [InlineData("165560360793")]
    [InlineData("16556036-0793")]
    public void NormalizeOrganizationNumber_CenturyPrefix16_PrefixDropped(string input) =>
        PropertyOwner.NormalizeOrganizationNumber(input).ShouldBe("556036-0793");

    [Fact]
    public void NormalizeOrganizationNumber_WrongCheckDigit_Null() =>
        PropertyOwner.NormalizeOrganizationNumber("556036-0794").ShouldBeNull();

    [Theory]
    [InlineData("811218-9876")]
    [InlineData("198112189876")]
    public void NormalizeOrganizationNumber_PersonalIdentityNumber_Null(string personalIdentityNumber) =>
        PropertyOwner.NormalizeOrganizationNumber(personalIdentityNumber).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("556036-079")]
    [InlineData("556036-07930")]
    [InlineData("55603A-0793")]
    [InlineData("195560360793")]
    [InlineData("556036/0793")]
    public void NormalizeOrganizationNumber_NotTenDigits_Null(string? input) =>
        PropertyOwner.NormalizeOrganizationNumber(input).ShouldBeNull();

    [Fact]
    public void NormalizeOrganizationNumber_FullWidthDigits_Null() =>
        PropertyOwner.NormalizeOrganizationNumber("５５６０３６-０７９３").ShouldBeNull();
}
