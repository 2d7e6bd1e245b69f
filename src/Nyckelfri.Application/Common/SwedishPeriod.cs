namespace Nyckelfri.Common;

/// <summary>
/// A period of whole Swedish calendar days as UTC instants: from the first day's midnight (inclusive)
/// to the midnight after the last day (exclusive), so that a day is the day people mean, summer time or not.
/// </summary>
public sealed record SwedishPeriod(DateTime? FromUtc, DateTime? ToUtcExclusive)
{
    /// <summary>The longest period a list may ask for, so that a report stays a report.</summary>
    public const int MaxDays = 366 * 2;

    /// <summary>The bounds of <paramref name="from"/>–<paramref name="to"/> (either may be open); a reversed or over-long period is a field error.</summary>
    public static SwedishPeriod Of(Validator v, DateOnly? from, DateOnly? to, string fromField = "From", string toField = "To")
    {
        if (from is { } f && to is { } t)
        {
            if (t < f) v.Add(toField, "Slutdatum kan inte ligga före startdatum.");
            else if (t.DayNumber - f.DayNumber >= MaxDays) v.Add(toField, $"Perioden får vara högst {MaxDays} dagar.");
        }
        return new SwedishPeriod(
            from is { } start ? SwedishTime.ToUtc(start.ToDateTime(TimeOnly.MinValue)) : null,
            to is { } end && end < DateOnly.MaxValue ? SwedishTime.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);
    }
}
