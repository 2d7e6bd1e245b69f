using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;
using Nyckelfri.Staff;
using static Nyckelfri.Identity.Roles;

namespace Nyckelfri.Access;

/// <summary>
/// The rules of seed 001 that a policy cannot say alone: the alarm centre registers, makes ready and
/// retires keys; the staffing unit hands out and takes back only keys of its own stock, and only to and
/// from hourly employees; a key and its 2-factor device are never kept at the same place.
/// </summary>
internal static class DigitalKeyRules
{
    private static readonly string[] AlarmCentre = [SystemAdministrator, AlarmCentreAdministration, AlarmCentreSupport];

    public static bool IsAlarmCentre(AccessScope scope) => scope.IsSystem || scope.IsAnyRole(AlarmCentre);

    /// <summary>The staffing unit acting as itself (not also as the alarm centre).</summary>
    public static bool IsStaffingUnitOnly(AccessScope scope) => !IsAlarmCentre(scope) && scope.IsInRole(StaffingUnit);

    public static void RequireAlarmCentre(AccessScope scope, string action)
    {
        if (!IsAlarmCentre(scope))
            throw new RuleViolationException("digital-key-alarm-centre-only", $"Det är Trygghetslarmscentralen som {action}.");
    }

    /// <summary>The staffing unit works from its own stock, with hourly employees (seed 001).</summary>
    public static void RequireStaffingUnitMay(AccessScope scope, KeyStock stock, EmploymentType? employmentType)
    {
        if (!IsStaffingUnitOnly(scope)) return;
        if (stock != KeyStock.StaffingUnit)
            throw new RuleViolationException("digital-key-not-staffing-stock",
                "Nyckeln hör till Trygghetslarmscentralens lager. Bemanningsenheten hanterar bara nycklar i sitt eget lager.");
        if (employmentType is { } type && type != EmploymentType.Hourly)
            throw new RuleViolationException("digital-key-not-hourly",
                "Bemanningsenheten lämnar ut och tar emot nycklar bara för timanställda. Tillsvidare- och månadsanställdas nycklar hanteras av Trygghetslarmscentralen.");
    }

    /// <summary>The employee as the caller may see them (provider users: their own provider's), or 404.</summary>
    public static async Task<Employee> Employee(NyckelfriDbContext db, Guid? employeeId, Validator v, string field, CancellationToken ct)
    {
        if (employeeId is not { } id)
        {
            v.Add(field, "Medarbetare måste anges.");
            v.ThrowIfInvalid();
        }
        return await db.Employees.FirstOrDefaultAsync(e => e.Id == employeeId, ct) ?? throw new NotFoundException("Medarbetaren");
    }

    /// <summary>An employment that has ended gets nothing new.</summary>
    public static void RequireNotEnded(Employee employee, DateOnly today)
    {
        if (employee.EndDate is { } end && end < today)
            throw new RuleViolationException("employment-ended", $"{employee.FullName}s anställning har upphört.");
    }

    /// <summary>A holder public key as base64 of the 65-byte uncompressed P-256 point; null (and an error) otherwise.</summary>
    public static byte[]? PublicKey(Validator v, string field, string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            v.Add(field, "Nyckelns publika nyckel måste anges.");
            return null;
        }
        byte[] raw;
        try { raw = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException)
        {
            v.Add(field, "Den publika nyckeln ska vara base64-kodad.");
            return null;
        }
        if (!P256.TryImportPublicKey(raw, out var key))
        {
            v.Add(field, "Den publika nyckeln är ingen giltig P-256-nyckel (65 byte: 0x04, X, Y).");
            return null;
        }
        key.Dispose();
        return raw;
    }

    public static string? KeyNumber(Validator v, string field, string? value, string label = "Nyckelnummer")
    {
        var number = v.Required(field, value, label, DigitalKey.MaxKeyNumberLength);
        if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' '))
        {
            v.Add(field, $"{label} får bara innehålla bokstäver a–z, siffror, mellanslag, - _ och punkt.");
            return null;
        }
        return number;
    }

    /// <summary>
    /// Refuses (as a field error) a place for the employee's key that is where the employee's 2-factor
    /// device is kept, or a device's place that is where one of its employee's (or unit's staff's) keys is.
    /// </summary>
    public static async Task CheckKeyPlace(NyckelfriDbContext db, Validator v, string field, Guid employeeId, Guid? keyId, string? place, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(place)) return;
        var unitIds = db.Set<EmployeeUnit>().WithoutScopeFilter().Where(u => u.EmployeeId == employeeId).Select(u => u.UnitId);
        var devicePlaces = await db.TwoFactorDevices.WithoutScopeFilter()
            .Where(d => d.MunicipalityId == db.Scope.MunicipalityId && d.KeptAt != null
                        && ((d.Status == TwoFactorDeviceStatus.Issued && d.EmployeeId == employeeId)
                            || (d.Status == TwoFactorDeviceStatus.KeptAtUnit && unitIds.Contains(d.UnitId!.Value))))
            .Select(d => new { d.SerialNumber, d.KeptAt }).ToListAsync(ct);
        var clash = devicePlaces.FirstOrDefault(d => DigitalKey.KeptTogether(place, d.KeptAt));
        if (clash is not null)
            v.Add(field, $"Nyckeln får inte förvaras tillsammans med 2-faktorsdosan ({clash.SerialNumber} förvaras på \"{clash.KeptAt}\"). Välj en annan plats.");
    }

    /// <summary>The device's side of the rule: its place against the keys of its employee, or of its unit's staff.</summary>
    public static async Task CheckDevicePlace(NyckelfriDbContext db, Validator v, string field, Guid? employeeId, Guid? unitId, string? place, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(place)) return;
        var staff = db.Set<EmployeeUnit>().WithoutScopeFilter().Where(u => u.UnitId == unitId).Select(u => u.EmployeeId);
        var keyPlaces = await db.DigitalKeys.WithoutScopeFilter()
            .Where(k => k.MunicipalityId == db.Scope.MunicipalityId && k.Status == DigitalKeyStatus.Issued && k.KeptAt != null
                        && (k.EmployeeId == employeeId || (unitId != null && staff.Contains(k.EmployeeId!.Value))))
            .Select(k => new { k.KeyNumber, k.KeptAt }).ToListAsync(ct);
        var clash = keyPlaces.FirstOrDefault(k => DigitalKey.KeptTogether(place, k.KeptAt));
        if (clash is not null)
            v.Add(field, $"Dosan får inte förvaras tillsammans med en digital nyckel (nyckel {clash.KeyNumber} förvaras på \"{clash.KeptAt}\"). Välj en annan plats.");
    }

    public const int MaxPlaceLength = 100;
    public const int MaxReasonLength = 500;
}
