using System.Globalization;
using Nyckelfri.Calendar;

namespace Nyckelfri.UnitTests.Calendar;

public class SwedishCalendarTests
{
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Line(Holiday holiday) =>
        holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + holiday.Name
        + (holiday.IsEve ? " (afton)" : "");

    // --- Easter ---

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    public void EasterSunday_2024To2030_KnownDates(int year, string expected) =>
        SwedishCalendar.EasterSunday(year).ShouldBe(D(expected));

    [Theory]
    [InlineData(1583, "1583-04-10")] // the first full Gregorian year
    [InlineData(1818, "1818-03-22")] // the earliest possible date
    [InlineData(1943, "1943-04-25")] // the latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(9999, "9999-03-28")]
    public void EasterSunday_FarYears_KnownDates(int year, string expected) =>
        SwedishCalendar.EasterSunday(year).ShouldBe(D(expected));

    [Theory]
    [InlineData(0)]
    [InlineData(1582)]
    [InlineData(10000)]
    public void EasterSunday_YearOutsideGregorianRange_Throws(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SwedishCalendar.EasterSunday(year));

    [Fact]
    public void EasterSunday_EveryYear_SundayBetween22MarchAnd25April()
    {
        for (var year = SwedishCalendar.FirstYear; year <= SwedishCalendar.LastYear; year++)
        {
            var easter = SwedishCalendar.EasterSunday(year);
            easter.DayOfWeek.ShouldBe(DayOfWeek.Sunday, $"{year}");
            easter.ShouldBeInRange(new DateOnly(year, 3, 22), new DateOnly(year, 4, 25), $"{year}");
        }
    }

    // --- the days off of a year ---

    [Theory]
    [MemberData(nameof(KnownDaysOff.ByYear), MemberType = typeof(KnownDaysOff))]
    public void HolidaysIn_2024To2030_EveryDayOffWithItsNameAndKind(int year, string expected) =>
        SwedishCalendar.HolidaysIn(year).Select(Line).ShouldBe(KnownDaysOff.Lines(expected));

    [Fact]
    public void HolidaysIn_TwoOnOneDate_BothListed()
    {
        // 2008: Easter on 23 March puts Kristi himmelsfärdsdag on första maj.
        var firstOfMay = SwedishCalendar.HolidaysIn(2008).Where(holiday => holiday.Date == D("2008-05-01"));

        firstOfMay.Select(holiday => holiday.Name).ShouldBe(["Första maj", "Kristi himmelsfärdsdag"], ignoreOrder: true);
        SwedishCalendar.IsWorkingDay(D("2008-05-02")).ShouldBeTrue();
    }

    [Fact]
    public void HolidaysIn_YearOutsideRange_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SwedishCalendar.HolidaysIn(1582));

    [Fact]
    public void HolidaysIn_EveryYear_MovableDaysOnTheirWeekdayAndInTheirWindow()
    {
        for (var year = SwedishCalendar.FirstYear; year <= 3000; year++)
        {
            var days = SwedishCalendar.HolidaysIn(year).ToDictionary(holiday => holiday.Name, holiday => holiday.Date);
            var easter = days["Påskdagen"];

            days["Långfredagen"].DayOfWeek.ShouldBe(DayOfWeek.Friday);
            days["Annandag påsk"].DayOfWeek.ShouldBe(DayOfWeek.Monday);
            days["Kristi himmelsfärdsdag"].ShouldBe(easter.AddDays(39)); // the sixth Thursday after Easter
            days["Kristi himmelsfärdsdag"].DayOfWeek.ShouldBe(DayOfWeek.Thursday);
            days["Pingstdagen"].ShouldBe(easter.AddDays(49));            // the seventh Sunday after Easter
            days["Pingstdagen"].DayOfWeek.ShouldBe(DayOfWeek.Sunday);
            days["Midsommardagen"].DayOfWeek.ShouldBe(DayOfWeek.Saturday);
            days["Midsommardagen"].ShouldBeInRange(new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
            days["Midsommarafton"].ShouldBe(days["Midsommardagen"].AddDays(-1));
            days["Alla helgons dag"].DayOfWeek.ShouldBe(DayOfWeek.Saturday);
            days["Alla helgons dag"].ShouldBeInRange(new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
        }
    }

    // --- working days ---

    [Theory]
    [InlineData("2026-11-23")] // an ordinary Monday
    [InlineData("2026-11-25")] // an ordinary Wednesday
    [InlineData("2026-01-02")] // the Friday after nyårsdagen
    [InlineData("2026-01-07")] // the day after trettondedag jul
    [InlineData("2026-04-07")] // the day after annandag påsk
    [InlineData("2026-05-15")] // the Friday after Kristi himmelsfärdsdag: a "klämdag", still working
    [InlineData("2025-06-09")] // annandag pingst: no longer a holiday since 2005
    [InlineData("2024-04-30")] // valborgsmässoafton: not a day off
    [InlineData("2026-12-23")] // the day before julafton
    [InlineData("2026-12-28")] // the Monday after annandag jul
    public void IsWorkingDay_OrdinaryWeekday_True(string day) =>
        SwedishCalendar.IsWorkingDay(D(day)).ShouldBeTrue();

    [Theory]
    [InlineData("2026-11-21")] // Saturday
    [InlineData("2026-11-22")] // Sunday
    [InlineData("2026-01-01")] // nyårsdagen, a Thursday
    [InlineData("2026-01-06")] // trettondedag jul, a Tuesday
    [InlineData("2026-04-03")] // långfredagen
    [InlineData("2026-04-06")] // annandag påsk
    [InlineData("2026-05-01")] // första maj, a Friday
    [InlineData("2026-05-14")] // Kristi himmelsfärdsdag
    [InlineData("2025-06-06")] // nationaldagen, a Friday
    [InlineData("2026-12-25")] // juldagen, a Friday
    [InlineData("2025-12-26")] // annandag jul, a Friday
    public void IsWorkingDay_WeekendOrPublicHoliday_False(string day) =>
        SwedishCalendar.IsWorkingDay(D(day)).ShouldBeFalse();

    [Theory]
    [InlineData("2026-06-19")] // midsommarafton
    [InlineData("2026-12-24")] // julafton, a Thursday
    [InlineData("2026-12-31")] // nyårsafton, a Thursday
    public void IsWorkingDay_NonWorkingEve_False(string day) =>
        SwedishCalendar.IsWorkingDay(D(day)).ShouldBeFalse();

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // a working day is its own next working day
    [InlineData("2026-11-21", "2026-11-23")] // Saturday → Monday
    [InlineData("2026-12-24", "2026-12-28")] // julafton → the Monday after annandag jul
    [InlineData("2026-04-03", "2026-04-07")] // långfredagen → the Tuesday after Easter
    public void NextWorkingDay_AnyDay_ItselfOrTheFirstWorkingDayAfter(string day, string expected) =>
        SwedishCalendar.NextWorkingDay(D(day)).ShouldBe(D(expected));

    // --- adding working days ---

    [Theory]
    [InlineData("2026-12-18", 5, "2026-12-29")] // Friday before Christmas: julafton–annandag jul and a weekend skipped
    [InlineData("2025-12-23", 5, "2026-01-07")] // julafton to annandag jul, nyårsafton, nyårsdagen, trettondedag jul
    [InlineData("2026-04-01", 5, "2026-04-10")] // the Wednesday before Easter: långfredagen and annandag påsk skipped
    [InlineData("2024-03-27", 5, "2024-04-05")] // ditto 2024
    [InlineData("2026-05-12", 5, "2026-05-20")] // Kristi himmelsfärdsdag skipped, the Friday after counts
    [InlineData("2025-05-26", 5, "2025-06-03")] // ditto 2025
    [InlineData("2026-06-16", 5, "2026-06-24")] // midsommarafton skipped
    [InlineData("2025-06-04", 5, "2025-06-12")] // nationaldagen skipped; annandag pingst counts
    [InlineData("2026-11-23", 1, "2026-11-24")] // an ordinary Monday
    [InlineData("2026-11-23", 10, "2026-12-07")] // two ordinary weeks
    public void AddWorkingDays_AcrossDaysOff_SkipsThem(string from, int days, string expected) =>
        SwedishCalendar.AddWorkingDays(D(from), days).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-11-21", 1, "2026-11-23")] // Saturday: the Monday is day 1
    [InlineData("2026-11-21", 5, "2026-11-27")]
    [InlineData("2026-11-22", 5, "2026-11-27")] // Sunday: the same week
    [InlineData("2026-12-25", 1, "2026-12-28")] // juldagen: the Monday after is day 1
    public void AddWorkingDays_FromDayOff_CountsFromTheNextWorkingDay(string from, int days, string expected) =>
        SwedishCalendar.AddWorkingDays(D(from), days).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // a working day: due the same day
    [InlineData("2026-11-21", "2026-11-23")] // Saturday: due on Monday
    [InlineData("2026-12-24", "2026-12-28")] // julafton: due after the holidays
    public void AddWorkingDays_ZeroDays_FromOrTheNextWorkingDay(string from, string expected) =>
        SwedishCalendar.AddWorkingDays(D(from), 0).ShouldBe(D(expected));

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SwedishCalendar.AddWorkingDays(D("2026-11-23"), -1));

    /// <summary>An install is due 5 working days after it is ordered (issue 4); Christmas is the hard case.</summary>
    [Theory]
    [InlineData("2024-12-18", "2024-12-30")] // Wednesday
    [InlineData("2024-12-23", "2025-01-07")] // trettondedag jul 2025 is a Monday
    [InlineData("2025-12-18", "2025-12-30")] // Thursday
    [InlineData("2025-12-23", "2026-01-07")]
    [InlineData("2026-12-18", "2026-12-29")] // Friday
    [InlineData("2026-12-23", "2027-01-05")]
    [InlineData("2027-12-18", "2027-12-27")] // Saturday; juldagen and annandag jul fall on the weekend
    [InlineData("2027-12-23", "2028-01-03")]
    [InlineData("2028-12-18", "2028-12-27")] // Monday
    [InlineData("2028-12-23", "2029-01-03")] // Saturday
    [InlineData("2029-12-18", "2029-12-28")] // Tuesday
    [InlineData("2029-12-23", "2030-01-04")] // Sunday
    [InlineData("2030-12-18", "2030-12-30")] // Wednesday
    [InlineData("2030-12-23", "2031-01-07")] // trettondedag jul 2031 is a Monday
    public void AddWorkingDays_InstallOrderedBeforeChristmas_DueFiveWorkingDaysLater(string ordered, string due) =>
        SwedishCalendar.AddWorkingDays(D(ordered), 5).ShouldBe(D(due));

    // --- counting working days ---

    [Theory]
    [InlineData("2026-11-23", "2026-11-23", 0)] // the same day
    [InlineData("2026-12-18", "2026-12-29", 5)] // across Christmas
    [InlineData("2026-12-29", "2026-12-18", 0)] // the other way round: never negative
    [InlineData("2026-11-27", "2026-12-01", 2)] // due Friday, still open Tuesday: 2 working days late
    [InlineData("2026-12-01", "2026-11-27", 0)]
    [InlineData("2026-11-21", "2026-11-23", 1)] // from Saturday to Monday
    [InlineData("2026-11-23", "2026-11-21", 0)]
    [InlineData("2026-12-23", "2026-12-27", 0)] // only days off in between
    [InlineData("2025-12-31", "2026-12-31", 251)] // all of 2026: 261 weekdays, 10 of them off
    public void WorkingDaysBetween_AnyTwoDays_WorkingDaysAfterFromUpToTo(string from, string to, int expected) =>
        SwedishCalendar.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Fact]
    public void WorkingDaysBetween_SplitAtAnyDay_PartsAddUp()
    {
        var from = D("2026-12-18");
        var to = D("2027-01-12");
        var total = SwedishCalendar.WorkingDaysBetween(from, to);

        for (var middle = from; middle <= to; middle = middle.AddDays(1))
        {
            (SwedishCalendar.WorkingDaysBetween(from, middle) + SwedishCalendar.WorkingDaysBetween(middle, to))
                .ShouldBe(total, $"{middle}");
        }
    }

    [Fact]
    public void AddWorkingDays_EveryDayOf2024To2030_WorkingDayAfterFromAndCountedBack()
    {
        for (var from = D("2024-01-01"); from <= D("2030-12-31"); from = from.AddDays(1))
        {
            for (var days = 1; days <= 10; days++)
            {
                var due = SwedishCalendar.AddWorkingDays(from, days);

                SwedishCalendar.IsWorkingDay(due).ShouldBeTrue($"{from} + {days}");
                due.ShouldBeGreaterThan(from, $"{from} + {days}");
                SwedishCalendar.WorkingDaysBetween(from, due).ShouldBe(days, $"{from} + {days}");
            }
        }
    }

    [Fact]
    public void IsWorkingDay_ManyThreadsAtOnce_SameAnswers()
    {
        // Years no other test asks about, so that the threads race to fill the cache.
        var days = Enumerable.Range(0, 3 * 366).Select(offset => D("4000-01-01").AddDays(offset)).ToArray();

        var parallel = days.AsParallel().AsOrdered().Select(SwedishCalendar.IsWorkingDay).ToArray();
        var sequential = days.Select(SwedishCalendar.IsWorkingDay).ToArray();

        parallel.ShouldBe(sequential);
    }
}
