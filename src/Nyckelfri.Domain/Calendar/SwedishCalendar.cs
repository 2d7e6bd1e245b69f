using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Nyckelfri.Calendar;

/// <summary>Whether a day off is a public holiday by law or an eve that is off in practice.</summary>
public enum HolidayKind
{
    /// <summary>An allmän helgdag under lagen (1989:253) om allmänna helgdagar.</summary>
    PublicHoliday,

    /// <summary>
    /// Not a holiday in law, but a day off under the collective agreements and in practice
    /// (midsommarafton, julafton, nyårsafton): nobody installs a lock on julafton. Påskafton is
    /// one too, but it is always a Saturday.
    /// </summary>
    Eve,
}

/// <summary>A day on which no work is due: its date, its Swedish name and why it is off.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind)
{
    public bool IsEve => Kind == HolidayKind.Eve;
}

/// <summary>
/// The Swedish working-day calendar that deadlines are counted in: Monday to Friday, except the
/// public holidays and the eves that are off in practice. Computed for any year from the rules,
/// so it never runs out the way a table of dates would. The rules are today's (since 2005,
/// nationaldagen instead of annandag pingst) and are applied to every year.
/// </summary>
public static class SwedishCalendar
{
    /// <summary>The first full year of the Gregorian calendar and the last year a DateOnly holds.</summary>
    public const int FirstYear = 1583;
    public const int LastYear = 9999;

    // Deadlines ask about the same few years over and over; a year's days off are computed once.
    // GetOrAdd may compute a year twice under a race, which is harmless: the result is the same.
    private static readonly ConcurrentDictionary<int, YearDaysOff> Years = new();

    private sealed record YearDaysOff(IReadOnlyList<Holiday> Holidays, FrozenSet<DateOnly> Dates);

    /// <summary>
    /// Påskdagen: "söndagen närmast efter den fullmåne som infaller på eller närmast efter den
    /// 21 mars" (lagen (1989:253) 2 §), i.e. the Gregorian ecclesiastical Easter. Computed with the
    /// anonymous Gregorian algorithm (Meeus/Jones/Butcher), exact for every Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ValidateYear(year);
        // The letters are Meeus's (Astronomical Algorithms, ch. 8), so each step can be checked there.
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The year's public holidays and non-working eves, in date order. Two can share a date (Kristi
    /// himmelsfärdsdag fell on första maj in 2008); both are listed.
    /// </summary>
    public static IReadOnlyList<Holiday> HolidaysIn(int year) => DaysOff(year).Holidays;

    /// <summary>Monday to Friday and neither a public holiday nor a non-working eve (years 1583–9999).</summary>
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !DaysOff(day.Year).Dates.Contains(day);

    /// <summary>The day itself if it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly NextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/>. The day
    /// <paramref name="from"/> itself never counts: the first working day after it is day 1. So an
    /// install ordered on Friday 2026-12-18 with 5 working days is due on Tuesday 2026-12-29
    /// (Mon 21, Tue 22, Wed 23, then julafton to annandag jul and the weekend, then Mon 28, Tue 29),
    /// and one ordered on a Saturday or a holiday counts from the next working day: Saturday
    /// 2026-12-19 + 1 is Monday 2026-12-21.
    /// Zero days means "due the same day": <paramref name="from"/> if it is a working day,
    /// otherwise the next working day.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return NextWorkingDay(from);

        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// 0 when <paramref name="to"/> is not after <paramref name="from"/>. How late work is: due on
    /// a Friday and still open the next Tuesday is 2 working days overdue. The inverse of
    /// <see cref="AddWorkingDays"/>: WorkingDaysBetween(d, AddWorkingDays(d, n)) is n for n ≥ 1.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    private static YearDaysOff DaysOff(int year)
    {
        ValidateYear(year);
        return Years.GetOrAdd(year, Compute);
    }

    private static YearDaysOff Compute(int year)
    {
        var holidays = FixedDaysOff(year).Concat(EasterDaysOff(year)).Concat(MidsummerAndAllSaints(year))
            .OrderBy(holiday => holiday.Date)
            .ToArray();
        return new YearDaysOff(holidays.AsReadOnly(), holidays.Select(holiday => holiday.Date).ToFrozenSet());
    }

    private static IEnumerable<Holiday> FixedDaysOff(int year)
    {
        yield return Public(new DateOnly(year, 1, 1), "Nyårsdagen");
        yield return Public(new DateOnly(year, 1, 6), "Trettondedag jul");
        yield return Public(new DateOnly(year, 5, 1), "Första maj");
        yield return Public(new DateOnly(year, 6, 6), "Nationaldagen");
        yield return Eve(new DateOnly(year, 12, 24), "Julafton");
        yield return Public(new DateOnly(year, 12, 25), "Juldagen");
        yield return Public(new DateOnly(year, 12, 26), "Annandag jul");
        yield return Eve(new DateOnly(year, 12, 31), "Nyårsafton");
    }

    /// <summary>
    /// Påskafton is listed for completeness, as a day widely taken off; it is always a Saturday, so it
    /// moves no deadline. Pingstafton, also always a Saturday, is not listed: it would move none either.
    /// </summary>
    private static IEnumerable<Holiday> EasterDaysOff(int year)
    {
        var easter = EasterSunday(year);
        yield return Public(easter.AddDays(-2), "Långfredagen");
        yield return Eve(easter.AddDays(-1), "Påskafton");
        yield return Public(easter, "Påskdagen");
        yield return Public(easter.AddDays(1), "Annandag påsk");
        yield return Public(easter.AddDays(39), "Kristi himmelsfärdsdag"); // the sixth Thursday after Easter
        yield return Public(easter.AddDays(49), "Pingstdagen");            // the seventh Sunday after Easter
    }

    private static IEnumerable<Holiday> MidsummerAndAllSaints(int year)
    {
        var midsummerDay = FirstSaturdayFrom(new DateOnly(year, 6, 20));  // the Saturday 20–26 June
        yield return Eve(midsummerDay.AddDays(-1), "Midsommarafton");
        yield return Public(midsummerDay, "Midsommardagen");
        yield return Public(FirstSaturdayFrom(new DateOnly(year, 10, 31)), "Alla helgons dag"); // 31 Oct–6 Nov
    }

    private static DateOnly FirstSaturdayFrom(DateOnly day) =>
        day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);

    private static Holiday Public(DateOnly date, string name) => new(date, name, HolidayKind.PublicHoliday);

    private static Holiday Eve(DateOnly date, string name) => new(date, name, HolidayKind.Eve);

    private static void ValidateYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
    }
}
