using Nyckelfri.Common;

namespace Nyckelfri.Access;

public enum AccessGrantKind
{
    /// <summary>The staffing unit books a substitute on a unit for some days (seed 001).</summary>
    SubstituteBooking,

    /// <summary>A manager lets an employee work on another unit for a while.</summary>
    AddUnit,

    /// <summary>A manager takes one of the employee's own units away for a while.</summary>
    RestrictUnit,
}

/// <summary>
/// A time-boxed change to what an employee may open: days are Swedish calendar days, both ends
/// included. It ends by itself; it can also be withdrawn (kept, with who and why, for the log).
/// </summary>
public sealed class AccessGrant : Entity
{
    public const int MaxDays = 366;

    private AccessGrant() { }

    public AccessGrant(Guid municipalityId, Guid employeeId, Guid unitId, AccessGrantKind kind,
        DateOnly fromDate, DateOnly toDate, string? reason, string grantedBy)
    {
        MunicipalityId = municipalityId;
        EmployeeId = employeeId;
        UnitId = unitId;
        Kind = kind;
        FromDate = fromDate;
        ToDate = toDate;
        Reason = reason;
        GrantedBy = grantedBy;
    }

    public Guid EmployeeId { get; private set; }
    public Guid UnitId { get; private set; }
    public AccessGrantKind Kind { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public string? Reason { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsActiveOn(DateOnly day) => WithdrawnAt is null && FromDate <= day && day <= ToDate;

    public void Withdraw(string by, DateTime at)
    {
        if (WithdrawnAt is not null)
            throw new RuleViolationException("grant-withdrawn", "Behörigheten är redan återkallad.");
        WithdrawnAt = at;
        WithdrawnBy = by;
    }

    /// <summary>From not after to, at most a year, not wholly in the past.</summary>
    public static void ValidateDates(Validator v, DateOnly from, DateOnly to, DateOnly today)
    {
        if (to < from) v.Add(nameof(ToDate), "Slutdatum kan inte ligga före startdatum.");
        else if (to.DayNumber - from.DayNumber >= MaxDays) v.Add(nameof(ToDate), "En tillfällig behörighet gäller högst ett år.");
        if (to < today) v.Add(nameof(ToDate), "Perioden har redan passerat.");
    }

    public static string SwedishName(AccessGrantKind kind) => kind switch
    {
        AccessGrantKind.SubstituteBooking => "Vikariebokning",
        AccessGrantKind.AddUnit => "Tillagd enhet",
        AccessGrantKind.RestrictUnit => "Begränsad enhet",
        _ => kind.ToString(),
    };
}
