using System.Globalization;
using Nyckelfri.Clients;

namespace Nyckelfri.UnitTests.Clients;

public class PersonalIdentityNumberTests
{
    private const string MissingError = "Personnumret måste anges.";
    private const string FormatError = "Personnumret har fel format. Skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
    private const string DateError = "Personnumret innehåller inget giltigt datum.";
    private const string FutureError = "Personnumrets födelsedatum ligger i framtiden.";
    private const string TooOldError = "Personnumrets födelseår är orimligt.";
    private const string CheckDigitError = "Personnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.";

    private static readonly DateOnly Today = TestClock.Today; // 2026-11-22

    private static string Rejected(string? input, DateOnly? today = null)
    {
        PersonalIdentityNumber.TryParse(input, today ?? Today, out var number, out var error).ShouldBeFalse();
        number.ShouldBeNull();
        return error;
    }

    private static PersonalIdentityNumber Accepted(string input, DateOnly? today = null)
    {
        PersonalIdentityNumber.TryParse(input, today ?? Today, out var number, out var error).ShouldBeTrue(error);
        error.ShouldBeEmpty();
        return number.ShouldNotBeNull();
    }

    // --- accepted forms and normalisation ---

    [Theory]
    [InlineData("19121212-1212", "191212121212")]
    [InlineData("191212121212", "191212121212")]
    [InlineData("19811218-9876", "198112189876")]
    [InlineData("198112189876", "198112189876")]
    public void TryParse_TwelveDigits_NormalisedToTwelveDigits(string input, string expected) =>
        Accepted(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("811218-9876", "198112189876")]
    [InlineData("8112189876", "198112189876")]
    [InlineData("121212-1212", "201212121212")]
    [InlineData("1212121212", "201212121212")]
    public void TryParse_TenDigits_NormalisedWithInferredCentury(string input, string expected) =>
        Accepted(input).Value.ShouldBe(expected);

    [Theory]
    [InlineData("  19811218-9876")]
    [InlineData("19811218-9876  ")]
    [InlineData("\t811218-9876\n")]
    public void TryParse_WhitespaceAround_Trimmed(string input) =>
        Accepted(input).Value.ShouldBe("198112189876");

    [Fact]
    public void TryParse_AllFormsOfOneNumber_AreEqual()
    {
        var forms = new[] { "19811218-9876", "198112189876", "811218-9876", "8112189876", " 811218-9876 " };

        var numbers = forms.Select(f => Accepted(f)).ToList();

        numbers.ShouldAllBe(n => n.Equals(numbers[0]));
        numbers.Select(n => n.GetHashCode()).Distinct().Count().ShouldBe(1);
    }

    // --- century inference relative to today ---

    [Theory]
    [InlineData("121212-1212", "2026-11-22", 2012)]
    [InlineData("121212+1212", "2026-11-22", 1912)]
    [InlineData("470615-1232", "2026-11-22", 1947)]
    [InlineData("121212-1212", "2010-01-01", 1912)]
    [InlineData("261101-2382", "2026-11-22", 2026)]
    [InlineData("261122-2387", "2026-11-22", 2026)]
    [InlineData("261201+2381", "2026-11-22", 1926)]
    public void TryParse_TenDigits_CenturyInferredFromToday(string input, string today, int expectedYear) =>
        Accepted(input, DateOnly.Parse(today, CultureInfo.InvariantCulture)).BirthDate.Year.ShouldBe(expectedYear);

    [Fact]
    public void TryParse_PlusSeparator_MeansHundredYearsEarlierThanHyphen()
    {
        var young = Accepted("121212-1212");
        var old = Accepted("121212+1212");

        young.BirthDate.ShouldBe(new DateOnly(2012, 12, 12));
        old.BirthDate.ShouldBe(new DateOnly(1912, 12, 12));
        old.ShouldNotBe(young);
    }

    [Fact]
    public void TryParse_HyphenForSomeoneTurningHundredThisYear_RejectedAsFutureDate() =>
        // Born 1926-12-01: from 1 January of the year they turn 100 the number is written with '+';
        // with '-' the same digits mean 2026-12-01, which has not happened yet.
        Rejected("261201-2381").ShouldBe(FutureError);

    [Fact]
    public void TryParse_BornToday_Accepted() =>
        Accepted("20261122-2387").BirthDate.ShouldBe(Today);

    [Theory]
    [InlineData("261123-2386")]
    [InlineData("20261123-2386")]
    public void TryParse_BirthDateTomorrow_RejectedAsFuture(string input) =>
        Rejected(input).ShouldBe(FutureError);

    [Fact]
    public void TryParse_BirthDateYearsAhead_RejectedAsFuture() =>
        Rejected(Personnummer.For(new DateOnly(2030, 1, 1), serial: 123)).ShouldBe(FutureError);

    [Fact]
    public void TryParse_TwelveDigitsMoreThan130YearsAgo_Rejected() =>
        Rejected(Personnummer.WithCheckDigit("18900101", "123")).ShouldBe(TooOldError);

    [Fact]
    public void TryParse_PlusPushingBirthMoreThan130YearsBack_Rejected() =>
        // 47 is after 26, so '-' means 1947 and '+' means 1847.
        Rejected("470615+1232").ShouldBe(TooOldError);

    // --- co-ordination numbers (samordningsnummer) ---

    [Theory]
    [InlineData("811278-9873", "1981-12-18")]
    [InlineData("19811278-9873", "1981-12-18")]
    [InlineData("19811291-2384", "1981-12-31")]
    [InlineData("920289-2387", "1992-02-29")]
    public void TryParse_CoordinationNumber_AcceptedWithRealBirthDate(string input, string birthDate)
    {
        var number = Accepted(input);

        number.IsCoordinationNumber.ShouldBeTrue();
        number.BirthDate.ShouldBe(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_CoordinationNumber_KeepsDayPlusSixtyInValue() =>
        Accepted("811278-9873").Value.ShouldBe("198112789873");

    [Theory]
    [InlineData("19811260-2381")] // day 60: neither a date nor a co-ordination day
    [InlineData("19811292-2383")] // day 92: 32 + 60
    [InlineData("19811200-2384")] // day 00
    [InlineData("890289-2382")]   // 29 February + 60 in 1989, not a leap year
    public void TryParse_CoordinationDayOutOfRange_RejectedAsInvalidDate(string input) =>
        Rejected(input).ShouldBe(DateError);

    [Fact]
    public void IsCoordinationNumber_OrdinaryNumber_False() =>
        Accepted("811218-9876").IsCoordinationNumber.ShouldBeFalse();

    // --- check digit ---

    [Theory]
    [InlineData("19121212-1213")]
    [InlineData("811218-9875")]
    [InlineData("8112189870")]
    [InlineData("811278-9874")]
    public void TryParse_WrongCheckDigit_Rejected(string input) =>
        Rejected(input).ShouldBe(CheckDigitError);

    [Fact]
    public void TryParse_EveryWrongCheckDigit_Rejected()
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            var input = $"19811218-987{digit}";
            PersonalIdentityNumber.TryParse(input, Today, out _, out _).ShouldBe(digit == 6, input);
        }
    }

    // --- impossible dates ---

    [Theory]
    [InlineData("19810230")] // 30 February
    [InlineData("19811301")] // month 13
    [InlineData("19810132")] // 32 January
    [InlineData("19810001")] // month 00
    [InlineData("20230229")] // 29 February, 2023 is not a leap year
    [InlineData("19000229")] // 1900 is not a leap year (divisible by 100)
    public void TryParse_ImpossibleDate_Rejected(string yyyymmdd)
    {
        // A correct check digit, so that only the date can be what is wrong.
        var input = Personnummer.WithCheckDigit(yyyymmdd, "238");

        Rejected(input).ShouldBe(DateError);
    }

    [Theory]
    [InlineData("810230-2380")] // 30 February
    [InlineData("811301-2382")] // month 13
    [InlineData("230229-2384")] // 29 February 2023
    public void TryParse_TenDigitsImpossibleDate_Rejected(string input) =>
        Rejected(input).ShouldBe(DateError);

    [Theory]
    [InlineData("20240229-2383")]
    [InlineData("20000229-2381")] // 2000 is a leap year (divisible by 400)
    public void TryParse_LeapDayInLeapYear_Accepted(string input) =>
        Accepted(input).BirthDate.Day.ShouldBe(29);

    [Fact]
    public void TryParse_EveryDayOfALeapYear_RoundTripsBirthDate()
    {
        for (var day = new DateOnly(2024, 1, 1); day.Year == 2024; day = day.AddDays(1))
        {
            var ordinary = Accepted(Personnummer.For(day, serial: 238));
            var coordination = Accepted(Personnummer.For(day, serial: 238, coordination: true));

            ordinary.BirthDate.ShouldBe(day);
            ordinary.IsCoordinationNumber.ShouldBeFalse();
            coordination.BirthDate.ShouldBe(day);
            coordination.IsCoordinationNumber.ShouldBeTrue();
        }
    }

    // --- malformed input ---

    [Theory]
    [InlineData("19121212-121")]
    [InlineData("1912121212121")]
    [InlineData("19121212121212")]
    [InlineData("121212121")]
    [InlineData("12121212121")]
    [InlineData("121212-12")]
    [InlineData("1")]
    public void TryParse_WrongLength_RejectedAsFormat(string input) =>
        Rejected(input).ShouldBe(FormatError);

    [Theory]
    [InlineData("19121212-12A2")]
    [InlineData("l9121212-1212")]
    [InlineData("ÅÅMMDD-NNNN")]
    [InlineData("19121212_1212")]
    [InlineData("１９１２１２１２-１２１２")] // full-width digits are digits, but not ASCII
    [InlineData("19121212 1212")]
    [InlineData("811218 9876")]
    public void TryParse_NonDigits_RejectedAsFormat(string input) =>
        Rejected(input).ShouldBe(FormatError);

    [Theory]
    [InlineData("1912-1212-1212")]
    [InlineData("19121212--1212")]
    [InlineData("19121212-1-12")]
    [InlineData("191212-+1212")]
    [InlineData("19121212-12+2")]
    public void TryParse_TwoSeparators_RejectedAsFormat(string input) =>
        Rejected(input).ShouldBe(FormatError);

    [Theory]
    [InlineData("1912121-21212")]
    [InlineData("191212121-212")]
    [InlineData("-191212121212")]
    [InlineData("191212121212-")]
    public void TryParse_SeparatorInWrongPlace_RejectedAsFormat(string input) =>
        Rejected(input).ShouldBe(FormatError);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void TryParse_NullOrBlank_RejectedAsMissing(string? input) =>
        Rejected(input).ShouldBe(MissingError);

    [Fact]
    public void Parse_ValidInput_ReturnsNumber() =>
        PersonalIdentityNumber.Parse("811218-9876", Today).Value.ShouldBe("198112189876");

    [Fact]
    public void Parse_InvalidInput_ThrowsFormatExceptionWithSwedishMessage() =>
        Should.Throw<FormatException>(() => PersonalIdentityNumber.Parse("811218-9875", Today))
            .Message.ShouldBe(CheckDigitError);

    // --- display: personal data must not leak ---

    [Fact]
    public void Masked_ValidNumber_IsBirthDateAndFourX() =>
        Accepted("811218-9876").Masked.ShouldBe("19811218-XXXX");

    [Fact]
    public void Masked_CoordinationNumber_KeepsDayPlusSixty() =>
        Accepted("811278-9873").Masked.ShouldBe("19811278-XXXX");

    [Fact]
    public void ToString_ValidNumber_ReturnsMaskedForm()
    {
        var number = Accepted("811218-9876");

        number.ToString().ShouldBe("19811218-XXXX");
        $"Brukare {number}".ShouldBe("Brukare 19811218-XXXX");
    }

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("811218-9876")]
    [InlineData("811278-9873")]
    [InlineData("121212+1212")]
    public void ToString_AnyNumber_HidesTheLastFourDigits(string input)
    {
        var number = Accepted(input);

        number.ToString().ShouldBe(number.Value[..8] + "-XXXX");
        number.ToString().ShouldNotContain(number.Value);
        number.ToString().ShouldNotContain(number.Formatted);
    }

    [Theory]
    [InlineData("8112189876", "19811218-9876")]
    [InlineData("121212+1212", "19121212-1212")]
    [InlineData("811278-9873", "19811278-9873")]
    public void Formatted_ValidNumber_IsTwelveDigitsWithHyphen(string input, string expected) =>
        Accepted(input).Formatted.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("1981121")]
    public void Mask_ShorterThanADate_HidesEverything(string normalized) =>
        PersonalIdentityNumber.Mask(normalized).ShouldBe("XXXXXXXX-XXXX");

    // --- check digit helpers ---

    [Theory]
    [InlineData("121212121", 2)]
    [InlineData("811218987", 6)]
    [InlineData("811278987", 3)]
    [InlineData("380407238", 1)]
    [InlineData("000000000", 0)]
    public void CheckDigitFor_KnownNumbers_ReturnsLuhnDigit(string nine, int expected) =>
        PersonalIdentityNumber.CheckDigitFor(nine).ShouldBe(expected);

    [Theory]
    [InlineData("121212121")]
    [InlineData("811218987")]
    [InlineData("470615123")]
    [InlineData("999999999")]
    [InlineData("000229238")]
    [InlineData("540392401")]
    public void CheckDigitFor_AnyNineDigits_IsTheOnlyDigitHasValidCheckDigitAccepts(string nine)
    {
        var digit = PersonalIdentityNumber.CheckDigitFor(nine);

        digit.ShouldBe(Personnummer.LuhnCheckDigit(nine));
        for (var candidate = 0; candidate <= 9; candidate++)
            PersonalIdentityNumber.HasValidCheckDigit($"{nine}{candidate}").ShouldBe(candidate == digit);
    }

    [Fact]
    public void CheckDigitFor_ManyPrefixes_AgreesWithHasValidCheckDigit()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 1000; i++)
        {
            var nine = random.Next(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);

            PersonalIdentityNumber.HasValidCheckDigit(nine + PersonalIdentityNumber.CheckDigitFor(nine)).ShouldBeTrue(nine);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("121212121")]
    [InlineData("12121212121")]
    [InlineData("191212121212")]
    public void HasValidCheckDigit_NotTenDigits_False(string digits) =>
        PersonalIdentityNumber.HasValidCheckDigit(digits).ShouldBeFalse();

    // --- stored values and equality ---

    [Fact]
    public void FromStored_TwelveDigits_Rehydrates()
    {
        var number = PersonalIdentityNumber.FromStored("198112189876");

        number.ShouldBe(Accepted("811218-9876"));
        number.BirthDate.ShouldBe(new DateOnly(1981, 12, 18));
    }

    [Theory]
    [InlineData("8112189876")]
    [InlineData("19811218-9876")]
    [InlineData("19811218987A")]
    [InlineData("")]
    public void FromStored_NotTwelveDigits_Throws(string stored) =>
        Should.Throw<FormatException>(() => PersonalIdentityNumber.FromStored(stored));

    [Fact]
    public void Equals_DifferentNumbers_False()
    {
        var one = Accepted("811218-9876");

        one.Equals(Accepted("19121212-1212")).ShouldBeFalse();
        one.Equals(null).ShouldBeFalse();
        one.Equals((object)"198112189876").ShouldBeFalse();
    }
}
