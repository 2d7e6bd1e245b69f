namespace Nyckelfri.UnitTests.Calendar;

/// <summary>
/// Every day off of 2024–2030, worked out by hand from the rules of lagen (1989:253) and the
/// known Easter dates, never computed by the code under test. One line per day, in date order:
/// the date and the Swedish name; an eve that is off in practice ends with " (afton)".
/// </summary>
internal static class KnownDaysOff
{
    public static readonly TheoryData<int, string> ByYear = new()
    {
        {
            2024, """
            2024-01-01 Nyårsdagen
            2024-01-06 Trettondedag jul
            2024-03-29 Långfredagen
            2024-03-30 Påskafton (afton)
            2024-03-31 Påskdagen
            2024-04-01 Annandag påsk
            2024-05-01 Första maj
            2024-05-09 Kristi himmelsfärdsdag
            2024-05-19 Pingstdagen
            2024-06-06 Nationaldagen
            2024-06-21 Midsommarafton (afton)
            2024-06-22 Midsommardagen
            2024-11-02 Alla helgons dag
            2024-12-24 Julafton (afton)
            2024-12-25 Juldagen
            2024-12-26 Annandag jul
            2024-12-31 Nyårsafton (afton)
            """
        },
        {
            2025, """
            2025-01-01 Nyårsdagen
            2025-01-06 Trettondedag jul
            2025-04-18 Långfredagen
            2025-04-19 Påskafton (afton)
            2025-04-20 Påskdagen
            2025-04-21 Annandag påsk
            2025-05-01 Första maj
            2025-05-29 Kristi himmelsfärdsdag
            2025-06-06 Nationaldagen
            2025-06-08 Pingstdagen
            2025-06-20 Midsommarafton (afton)
            2025-06-21 Midsommardagen
            2025-11-01 Alla helgons dag
            2025-12-24 Julafton (afton)
            2025-12-25 Juldagen
            2025-12-26 Annandag jul
            2025-12-31 Nyårsafton (afton)
            """
        },
        {
            2026, """
            2026-01-01 Nyårsdagen
            2026-01-06 Trettondedag jul
            2026-04-03 Långfredagen
            2026-04-04 Påskafton (afton)
            2026-04-05 Påskdagen
            2026-04-06 Annandag påsk
            2026-05-01 Första maj
            2026-05-14 Kristi himmelsfärdsdag
            2026-05-24 Pingstdagen
            2026-06-06 Nationaldagen
            2026-06-19 Midsommarafton (afton)
            2026-06-20 Midsommardagen
            2026-10-31 Alla helgons dag
            2026-12-24 Julafton (afton)
            2026-12-25 Juldagen
            2026-12-26 Annandag jul
            2026-12-31 Nyårsafton (afton)
            """
        },
        {
            2027, """
            2027-01-01 Nyårsdagen
            2027-01-06 Trettondedag jul
            2027-03-26 Långfredagen
            2027-03-27 Påskafton (afton)
            2027-03-28 Påskdagen
            2027-03-29 Annandag påsk
            2027-05-01 Första maj
            2027-05-06 Kristi himmelsfärdsdag
            2027-05-16 Pingstdagen
            2027-06-06 Nationaldagen
            2027-06-25 Midsommarafton (afton)
            2027-06-26 Midsommardagen
            2027-11-06 Alla helgons dag
            2027-12-24 Julafton (afton)
            2027-12-25 Juldagen
            2027-12-26 Annandag jul
            2027-12-31 Nyårsafton (afton)
            """
        },
        {
            2028, """
            2028-01-01 Nyårsdagen
            2028-01-06 Trettondedag jul
            2028-04-14 Långfredagen
            2028-04-15 Påskafton (afton)
            2028-04-16 Påskdagen
            2028-04-17 Annandag påsk
            2028-05-01 Första maj
            2028-05-25 Kristi himmelsfärdsdag
            2028-06-04 Pingstdagen
            2028-06-06 Nationaldagen
            2028-06-23 Midsommarafton (afton)
            2028-06-24 Midsommardagen
            2028-11-04 Alla helgons dag
            2028-12-24 Julafton (afton)
            2028-12-25 Juldagen
            2028-12-26 Annandag jul
            2028-12-31 Nyårsafton (afton)
            """
        },
        {
            2029, """
            2029-01-01 Nyårsdagen
            2029-01-06 Trettondedag jul
            2029-03-30 Långfredagen
            2029-03-31 Påskafton (afton)
            2029-04-01 Påskdagen
            2029-04-02 Annandag påsk
            2029-05-01 Första maj
            2029-05-10 Kristi himmelsfärdsdag
            2029-05-20 Pingstdagen
            2029-06-06 Nationaldagen
            2029-06-22 Midsommarafton (afton)
            2029-06-23 Midsommardagen
            2029-11-03 Alla helgons dag
            2029-12-24 Julafton (afton)
            2029-12-25 Juldagen
            2029-12-26 Annandag jul
            2029-12-31 Nyårsafton (afton)
            """
        },
        {
            2030, """
            2030-01-01 Nyårsdagen
            2030-01-06 Trettondedag jul
            2030-04-19 Långfredagen
            2030-04-20 Påskafton (afton)
            2030-04-21 Påskdagen
            2030-04-22 Annandag påsk
            2030-05-01 Första maj
            2030-05-30 Kristi himmelsfärdsdag
            2030-06-06 Nationaldagen
            2030-06-09 Pingstdagen
            2030-06-21 Midsommarafton (afton)
            2030-06-22 Midsommardagen
            2030-11-02 Alla helgons dag
            2030-12-24 Julafton (afton)
            2030-12-25 Juldagen
            2030-12-26 Annandag jul
            2030-12-31 Nyårsafton (afton)
            """
        },
    };

    /// <summary>The lines of one year, as written above.</summary>
    public static string[] Lines(string block) =>
        block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
