using Nyckelfri.Access;
using Nyckelfri.Services;
using Nyckelfri.Staff;

namespace Nyckelfri.UnitTests.Access;

/// <summary>Facts for <see cref="AccessPolicy"/>: one employee, units Centrum and Norr, a client served by Centrum.</summary>
internal sealed class EmployeeFactsBuilder
{
    public static readonly Guid Centrum = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    public static readonly Guid Norr = Guid.Parse("00000000-0000-0000-0000-00000000c002");
    public static readonly Guid Client = Guid.Parse("00000000-0000-0000-0000-00000000a001");

    private EmploymentType _type = EmploymentType.Permanent;
    private DateOnly _start = new(2020, 1, 1);
    private DateOnly? _end;
    private DateOnly? _leaveFrom;
    private DateOnly? _leaveTo;
    private readonly List<UnitRef> _units = [];
    private readonly List<GrantFacts> _grants = [];

    public EmployeeFactsBuilder Hourly() { _type = EmploymentType.Hourly; return this; }
    public EmployeeFactsBuilder Employed(DateOnly start, DateOnly? end = null) { (_start, _end) = (start, end); return this; }
    public EmployeeFactsBuilder OnLeave(DateOnly from, DateOnly? to) { (_leaveFrom, _leaveTo) = (from, to); return this; }
    public EmployeeFactsBuilder InUnit(Guid unit) { _units.Add(new UnitRef(unit, NameOf(unit))); return this; }

    public EmployeeFactsBuilder WithGrant(AccessGrantKind kind, Guid unit, DateOnly from, DateOnly to, bool withdrawn = false)
    {
        _grants.Add(new GrantFacts(Guid.NewGuid(), kind, unit, NameOf(unit), from, to, withdrawn));
        return this;
    }

    public EmployeeAccessFacts Build() =>
        new(Guid.NewGuid(), "Sara Vikarie", _type, _start, _end, _leaveFrom, _leaveTo, _units, _grants);

    public static string NameOf(Guid unit) => unit == Centrum ? "Centrum" : "Norr";

    /// <summary>The client's home care from <paramref name="unit"/>, between the dates.</summary>
    public static ServiceFacts HomeCare(Guid unit, DateOnly start, DateOnly? end = null) =>
        new(Client, "Anna Andersson", CareServiceKind.HomeCare, unit, NameOf(unit), start, end);
}
