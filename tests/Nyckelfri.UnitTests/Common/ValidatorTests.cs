using Nyckelfri.Common;
using Nyckelfri.Services;

namespace Nyckelfri.UnitTests.Common;

public class ValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validator v) =>
        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;

    // --- Required ---

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Required_Missing_MustBeGivenErrorOnField(string? value)
    {
        var v = new Validator();

        v.Required("LastName", value, "Efternamn").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("LastName", "Efternamn måste anges.");
    }

    [Fact]
    public void Required_Present_ReturnsTrimmedValue()
    {
        var v = new Validator();

        v.Required("LastName", "  Åström ", "Efternamn").ShouldBe("Åström");

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Required_ExactlyMaxLength_Accepted()
    {
        var v = new Validator();

        v.Required("Name", new string('a', 40), "Namn", maxLength: 40).ShouldNotBeNull();

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Required_OverMaxLength_TooLongError()
    {
        var v = new Validator();

        v.Required("Name", new string('a', 41), "Namn", maxLength: 40).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Name", "Namn får vara högst 40 tecken.");
    }

    [Fact]
    public void Required_DefaultMaxLength_Is200()
    {
        var v = new Validator();

        v.Required("Name", new string('a', 200), "Namn").ShouldNotBeNull();
        v.Required("Other", new string('a', 201), "Namn").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Other", "Namn får vara högst 200 tecken.");
    }

    [Fact]
    public void Required_LengthMeasuredAfterTrim_Accepted()
    {
        var v = new Validator();

        v.Required("Name", "  abc  ", "Namn", maxLength: 3).ShouldBe("abc");

        v.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Anna\nBerg")]
    [InlineData("Anna\tBerg")]
    [InlineData("Anna\u0000")]
    [InlineData("Anna\u001bBerg")]
    [InlineData("Anna\u007fBerg")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Anna <b>Berg</b>")]
    [InlineData("Anna > Berg")]
    public void Required_ControlCharacterOrMarkup_ForbiddenCharactersError(string value)
    {
        var v = new Validator();

        v.Required("FirstName", value, "Förnamn").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("FirstName", "Förnamn innehåller otillåtna tecken (till exempel < eller >).");
    }

    // --- Optional ---

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Optional_Missing_NullWithoutError(string? value)
    {
        var v = new Validator();

        v.Optional("Apartment", value, "Lägenhetsnummer").ShouldBeNull();

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Optional_Present_ReturnsTrimmedValue() =>
        new Validator().Optional("Apartment", " 1102 ", "Lägenhetsnummer").ShouldBe("1102");

    [Fact]
    public void Optional_OverMaxLength_TooLongError()
    {
        var v = new Validator();

        v.Optional("Apartment", "12345", "Lägenhetsnummer", maxLength: 4).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Apartment", "Lägenhetsnummer får vara högst 4 tecken.");
    }

    [Fact]
    public void Optional_ControlCharacter_ForbiddenCharactersError()
    {
        var v = new Validator();

        v.Optional("Note", "rad ett\u0007", "Anteckning").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Note", "Anteckning innehåller otillåtna tecken (till exempel < eller >).");
    }

    // --- Phone ---

    [Theory]
    [InlineData("013-20 60 00")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("(08) 123 456")]
    [InlineData("0701234567")]
    public void Phone_ValidNumber_Accepted(string value)
    {
        var v = new Validator();

        v.Phone("Phone", value).ShouldBe(value);

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Phone_Missing_NullWithoutError()
    {
        var v = new Validator();

        v.Phone("Phone", "  ").ShouldBeNull();

        v.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("070-123 ABC")]
    [InlineData("070/1234567")]
    [InlineData("070.123.45.67")]
    [InlineData("０７０-１２３ ４５ ６７")] // full-width digits
    [InlineData("٠٧٠١٢٣٤٥٦٧")]          // Arabic-Indic digits
    public void Phone_OtherCharacters_OnlyDigitsError(string value)
    {
        var v = new Validator();

        v.Phone("Phone", value);

        ErrorsOf(v).ShouldBeSingleError("Phone", "Telefon får bara innehålla siffror, mellanslag, + och -.");
    }

    [Fact]
    public void Phone_CustomLabel_UsedInMessage()
    {
        var v = new Validator();

        v.Phone("ContactPhone", "ring mig", "Kontaktpersonens telefon");

        ErrorsOf(v).ShouldBeSingleError("ContactPhone",
            "Kontaktpersonens telefon får bara innehålla siffror, mellanslag, + och -.");
    }

    [Fact]
    public void Phone_LongerThan30_TooLongError()
    {
        var v = new Validator();

        v.Phone("Phone", new string('1', 31)).ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Phone", "Telefon får vara högst 30 tecken.");
    }

    // --- Email ---

    [Theory]
    [InlineData("karin.berg@linkoping.se")]
    [InlineData("a@b")]
    public void Email_ValidAddress_Accepted(string value)
    {
        var v = new Validator();

        v.Email("Email", value).ShouldBe(value);

        v.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("karin.berg.linkoping.se")]
    [InlineData("@linkoping.se")]
    [InlineData("karin@")]
    [InlineData("karin berg@linkoping.se")]
    public void Email_InvalidAddress_NotValidEmailError(string value)
    {
        var v = new Validator();

        v.Email("Email", value);

        ErrorsOf(v).ShouldBeSingleError("Email", "E-post är inte en giltig e-postadress.");
    }

    [Fact]
    public void Email_Missing_NullWithoutError() =>
        new Validator().Email("Email", null).ShouldBeNull();

    [Fact]
    public void Email_LongerThan254_TooLongError()
    {
        var v = new Validator();

        v.Email("ContactEmail", new string('a', 250) + "@x.se", "Kontaktpersonens e-post").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("ContactEmail", "Kontaktpersonens e-post får vara högst 254 tecken.");
    }

    // --- Enum ---

    [Fact]
    public void Enum_DefinedValue_Returned()
    {
        var v = new Validator();

        v.Enum<CareServiceKind>("Kind", CareServiceKind.NightSupervision, "Insats").ShouldBe(CareServiceKind.NightSupervision);

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Enum_Null_MustBeGivenError()
    {
        var v = new Validator();

        v.Enum<CareServiceKind>("Kind", null, "Insats").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Kind", "Insats måste anges.");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(99)]
    public void Enum_UndefinedValue_UnknownValueError(int raw)
    {
        var v = new Validator();

        v.Enum<CareServiceKind>("Kind", (CareServiceKind)raw, "Insats").ShouldBeNull();

        ErrorsOf(v).ShouldBeSingleError("Kind", "Insats har ett okänt värde.");
    }

    // --- collecting and throwing ---

    [Fact]
    public void ThrowIfInvalid_NoErrors_DoesNotThrow()
    {
        var v = new Validator();
        v.Required("Name", "Karin", "Namn");

        v.IsValid.ShouldBeTrue();
        Should.NotThrow(v.ThrowIfInvalid);
    }

    [Fact]
    public void ThrowIfInvalid_SeveralFields_AllErrorsKeyedByField()
    {
        var v = new Validator();
        v.Required("FirstName", "", "Förnamn");
        v.Required("LastName", null, "Efternamn");
        v.Email("Email", "fel", "E-post");

        var errors = ErrorsOf(v);

        errors.Keys.ShouldBe(["FirstName", "LastName", "Email"], ignoreOrder: true);
        errors["FirstName"].ShouldBe(["Förnamn måste anges."]);
        errors["LastName"].ShouldBe(["Efternamn måste anges."]);
        errors["Email"].ShouldBe(["E-post är inte en giltig e-postadress."]);
    }

    [Fact]
    public void Add_TwoMessagesForOneField_BothKeptInOrder()
    {
        var v = new Validator()
            .Add("EndDate", "Första felet.")
            .Add("EndDate", "Andra felet.");

        v.IsValid.ShouldBeFalse();
        var errors = ErrorsOf(v);
        errors.Keys.ShouldBe(["EndDate"]);
        errors["EndDate"].ShouldBe(["Första felet.", "Andra felet."]);
    }

    [Fact]
    public void Add_FieldNames_CaseSensitive()
    {
        var v = new Validator().Add("email", "a").Add("Email", "b");

        ErrorsOf(v).Count.ShouldBe(2);
    }

    [Fact]
    public void ThrowIfInvalid_Invalid_ExceptionHasSwedishSummary() =>
        Should.Throw<ValidationFailedException>(new Validator().Add("X", "Fel.").ThrowIfInvalid)
            .Message.ShouldBe("Uppgifterna innehåller fel.");

    [Fact]
    public void For_FieldAndMessage_SingleError() =>
        ValidationFailedException.For("EndDate", "Slutdatum kan inte ligga före startdatum.")
            .ShouldBeSingleError("EndDate", "Slutdatum kan inte ligga före startdatum.");
}
