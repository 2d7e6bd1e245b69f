using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Providers;

namespace Nyckelfri.Keys;

/// <summary>
/// The units that may receive a key set. A provider's user hands keys out to its own provider's units
/// only, but may transfer them to any unit of the municipality: a change of provider hands the keys
/// to the new one. Municipal roles choose among every unit.
/// </summary>
public sealed class KeyHolderUnits(NyckelfriDbContext db) : IHandler
{
    public Task<IReadOnlyList<UnitLookup.Option>> ForHandOut(CancellationToken ct) => Options(db.Scope.ProviderId, ct);

    public Task<IReadOnlyList<UnitLookup.Option>> ForTransfer(CancellationToken ct) => Options(null, ct);

    private async Task<IReadOnlyList<UnitLookup.Option>> Options(Guid? providerId, CancellationToken ct) =>
        await db.Units.AsNoTracking()
            .Where(u => providerId == null || u.ProviderId == providerId)
            .OrderBy(u => u.Provider!.Name).ThenBy(u => u.Name)
            .Select(u => new UnitLookup.Option(u.Id, u.Name, u.ProviderId, u.Provider!.Name, u.Kind))
            .ToListAsync(ct);

    /// <summary>The unit chosen on a form, among the same units as the pick list; null (and an error in <paramref name="v"/>) otherwise.</summary>
    internal static async Task<Unit?> Find(NyckelfriDbContext db, Guid? unitId, bool forTransfer, Validator v, string field, CancellationToken ct)
    {
        if (unitId is not { } id)
        {
            v.Add(field, "Enhet måste anges.");
            return null;
        }
        var providerId = forTransfer ? null : db.Scope.ProviderId;
        var unit = await db.Units.Include(u => u.Provider)
            .FirstOrDefaultAsync(u => u.Id == id && (providerId == null || u.ProviderId == providerId), ct);
        if (unit is null) v.Add(field, "Enheten finns inte.");
        return unit;
    }

    /// <summary>
    /// Each unit answers for the keys it holds (seed 003 §4): a provider's user may transfer, return or
    /// report lost only a set that its own provider holds. Load the set with its holder unit.
    /// </summary>
    internal static void RequireOwnHolder(AccessScope scope, KeySet set)
    {
        if (scope.ProviderId is { } provider && set.HolderUnit is { } holder && holder.ProviderId != provider)
            throw new RuleViolationException("key-set-other-provider",
                $"Nyckeluppsättning {set.KeyNumber} finns hos {holder.Name}, en annan utförares enhet. Den enheten registrerar överlämning, återlämning eller förlust.");
    }

    /// <summary>"Centrum (Hemtjänsten A)": how a receipt and a warning name a unit.</summary>
    internal static string Name(Unit unit) => $"{unit.Name} ({unit.Provider?.Name})";
}
