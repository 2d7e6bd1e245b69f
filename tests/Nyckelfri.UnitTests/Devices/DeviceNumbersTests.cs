using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

public class DeviceNumbersTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validator v) =>
        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;

    private const string SerialFormat = "Serienummer får vara högst 40 tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.";

    [Theory]
    [InlineData(" ph-1234 ", "PH-1234")]
    [InlineData("PH-1234", "PH-1234")]
    [InlineData("\tab.12/x9\n", "AB.12/X9")]
    public void Serial_ScannedOrTyped_TrimmedAndUpperCase(string value, string expected)
    {
        var v = new Validator();

        DeviceNumbers.Serial(v, "SerialNumber", value).ShouldBe(expected);

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Serial_ExactlyMaxLength_Accepted()
    {
        var v = new Validator();

        DeviceNumbers.Serial(v, "SerialNumber", new string('A', 40)).ShouldNotBeNull();

        v.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("PH 1234")]
    [InlineData("<b>PH1234</b>")]
    [InlineData("PH_1234")]
    [InlineData("PH-12;34")]
    [InlineData("LÅS-1")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Serial_Malformed_FormatErrorOnField(string value)
    {
        var v = new Validator();

        DeviceNumbers.Serial(v, "SerialNumber", value).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("SerialNumber", SerialFormat);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Serial_Missing_MustBeGiven(string? value)
    {
        var v = new Validator();

        DeviceNumbers.Serial(v, "SerialNumber", value).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("SerialNumber", "Serienummer måste anges.");
    }

    [Fact]
    public void Serial_OwnLabel_UsedInMessage()
    {
        var v = new Validator();

        DeviceNumbers.Serial(v, "SerialNumbers[2]", "", label: "Rad 3");

        ErrorsOf(v).ShouldBeSingleError("SerialNumbers[2]", "Rad 3 måste anges.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void KeyNumber_MissingWhenOptional_NullWithoutError(string? value)
    {
        var v = new Validator();

        DeviceNumbers.KeyNumber(v, "KeyNumber", value, required: false).ShouldBeNull();

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void KeyNumber_MissingWhenRequired_MustBeGiven()
    {
        var v = new Validator();

        DeviceNumbers.KeyNumber(v, "KeyNumber", " ", required: true).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("KeyNumber", "Nyckelnummer måste anges.");
    }

    [Fact]
    public void KeyNumber_Given_TrimmedAndUpperCase()
    {
        var v = new Validator();

        DeviceNumbers.KeyNumber(v, "KeyNumber", " n-0042 ", required: false).ShouldBe("N-0042");

        v.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void KeyNumber_Length_AtMostTwenty(int length, bool valid)
    {
        var v = new Validator();

        DeviceNumbers.KeyNumber(v, "KeyNumber", new string('7', length), required: true);

        v.IsValid.ShouldBe(valid);
        if (!valid)
            ErrorsOf(v).ShouldBeSingleError("KeyNumber",
                "Nyckelnummer får vara högst 20 tecken: bokstäver, siffror, bindestreck, punkt och snedstreck.");
    }

    [Theory]
    [InlineData("N 42")]
    [InlineData("<i>42</i>")]
    public void KeyNumber_SpaceInsideOrMarkup_FormatError(string value)
    {
        var v = new Validator();

        DeviceNumbers.KeyNumber(v, "KeyNumber", value, required: false).ShouldBeNull();

        v.IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("A-1", true)]
    [InlineData("a-1", true)]
    [InlineData("A 1", false)]
    public void IsWellFormed_Text_LettersDigitsAndSeparatorsOnly(string value, bool expected) =>
        DeviceNumbers.IsWellFormed(value, 10).ShouldBe(expected);
}
