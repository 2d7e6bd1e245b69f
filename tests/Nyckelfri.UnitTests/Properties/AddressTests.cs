using Nyckelfri.Properties;

namespace Nyckelfri.UnitTests.Properties;

public class AddressTests
{
    [Theory]
    [InlineData("58224", "582 24")]
    [InlineData("582 24", "582 24")]
    [InlineData(" 5 8 2 2 4 ", "582 24")]
    public void NormalizePostalCode_FiveDigits_ShownWithSpace(string input, string expected) =>
        Address.NormalizePostalCode(input).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5822")]
    [InlineData("582245")]
    [InlineData("582-24")]
    [InlineData("58A24")]
    public void NormalizePostalCode_NotFiveDigits_Null(string? input) =>
        Address.NormalizePostalCode(input).ShouldBeNull();

    [Fact]
    public void OneLine_Address_StreetPostalCodeAndCity() =>
        new AddressBuilder().OnStreet("Ågatan 3").Build().OneLine.ShouldBe("Ågatan 3, 582 24 Linköping");
}
