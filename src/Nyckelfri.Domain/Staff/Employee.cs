using System.Linq.Expressions;
using Nyckelfri.Common;
using Nyckelfri.Providers;

namespace Nyckelfri.Staff;

public enum EmploymentType { Permanent, Monthly, Hourly }

/// <summary>
/// A member of a provider's staff. An employee works in one or more units of one provider; the
/// units decide which clients' doors they may open (a later issue). Hourly employees are substitutes.
/// </summary>
public sealed class Employee : Entity
{
    private Employee() { }

    public Employee(Guid municipalityId, Guid providerId, string firstName, string lastName,
        EmploymentType employmentType, DateOnly startDate)
    {
        MunicipalityId = municipalityId;
        ProviderId = providerId;
        Rename(firstName, lastName);
        EmploymentType = employmentType;
        StartDate = startDate;
    }

    public Guid ProviderId { get; set; }
    public Provider? Provider { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";

    /// <summary>"förnamn efternamn" in lower case, for case-insensitive search on every database.</summary>
    public string SearchName { get; private set; } = "";
    public string? Title { get; set; }
    public EmploymentType EmploymentType { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? LongLeaveFrom { get; set; }
    public DateOnly? LongLeaveTo { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// The id the municipality's identity provider knows the employee by (HSA-id, employee number); unique
    /// in the municipality. Signing in through the provider finds the employee's login by it.
    /// </summary>
    public string? PersonnelId { get; set; }

    public const int MaxPersonnelIdLength = 64;

    public List<EmployeeUnit> Units { get; private set; } = [];

    public string FullName => $"{FirstName} {LastName}";

    public void Rename(string firstName, string lastName)
    {
        FirstName = firstName;
        LastName = lastName;
        SearchName = SearchText.Of(firstName, lastName);
    }

    public bool IsEmployedOn(DateOnly day) =>
        StartDate <= day && (EndDate is null || EndDate >= day) &&
        !(LongLeaveFrom <= day && (LongLeaveTo is null || LongLeaveTo >= day));

    /// <summary>The rule of <see cref="IsEmployedOn"/> as a filter the database can run.</summary>
    public static Expression<Func<Employee, bool>> EmployedOn(DateOnly day) => e =>
        e.StartDate <= day && (e.EndDate == null || e.EndDate >= day) &&
        (e.LongLeaveFrom == null || e.LongLeaveFrom > day || (e.LongLeaveTo != null && e.LongLeaveTo < day));

    /// <summary>Checks the dates together: end not before start, leave inside the employment.</summary>
    public static void ValidateDates(Validator v, DateOnly start, DateOnly? end, DateOnly? leaveFrom, DateOnly? leaveTo)
    {
        if (end < start) v.Add(nameof(EndDate), "Slutdatum kan inte ligga före startdatum.");
        if (leaveTo is not null && leaveFrom is null) v.Add(nameof(LongLeaveFrom), "Ange när ledigheten börjar.");
        if (leaveTo < leaveFrom) v.Add(nameof(LongLeaveTo), "Ledigheten kan inte sluta innan den börjar.");
        if (leaveFrom < start) v.Add(nameof(LongLeaveFrom), "Ledigheten kan inte börja före anställningen.");
        if (leaveFrom > end) v.Add(nameof(LongLeaveFrom), "Ledigheten kan inte börja efter att anställningen har slutat.");
    }

    public void SetUnits(IReadOnlyCollection<Unit> units)
    {
        if (units.Any(u => u.ProviderId != ProviderId))
            throw ValidationFailedException.For(UnitIdsField, OtherProvidersUnit);
        Units.RemoveAll(eu => units.All(u => u.Id != eu.UnitId));
        foreach (var unit in units.Where(u => Units.All(eu => eu.UnitId != u.Id)))
            Units.Add(new EmployeeUnit { EmployeeId = Id, UnitId = unit.Id });
    }

    private const string UnitIdsField = "UnitIds";
    private const string OtherProvidersUnit = "En medarbetare kan bara tillhöra enheter hos sin egen utförare.";

    /// <summary>Checks a choice of units before <see cref="SetUnits"/>, together with the form's other fields.</summary>
    public static void ValidateUnits(Validator v, Guid providerId, IEnumerable<Unit> units)
    {
        if (units.Any(u => u.ProviderId != providerId)) v.Add(UnitIdsField, OtherProvidersUnit);
    }

    public static string SwedishName(EmploymentType type) => type switch
    {
        EmploymentType.Permanent => "Tillsvidare",
        EmploymentType.Monthly => "Månadsanställd (visstid)",
        EmploymentType.Hourly => "Timanställd/vikarie",
        _ => type.ToString(),
    };
}

public sealed class EmployeeUnit
{
    public Guid EmployeeId { get; set; }
    public Guid UnitId { get; set; }
    public Unit? Unit { get; set; }
}
