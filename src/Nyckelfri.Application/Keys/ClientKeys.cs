using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>
/// The physical keys of one client, as the client page shows them: the sets and who holds them, how
/// many sets the client's services call for (and warnings when reality differs), the latest receipts
/// and uses of a physical key, and whether the home has a digital lock.
/// </summary>
public sealed class ClientKeys(NyckelfriDbContext db) : IHandler
{
    public const int Latest = 10;

    public sealed record Result(Guid ClientId, string ClientName, bool OpensDoorThemself, bool HasMountedLock, IReadOnlyList<Set> Sets,
        Expectation Expected, IReadOnlyList<string> Warnings, IReadOnlyList<KeyReceiptSummary> Receipts, IReadOnlyList<PhysicalKeyUseItem> Uses);

    public sealed record Set(Guid Id, int Version, string KeyNumber, int KeyCount, KeySetStatus Status, Guid? HolderUnitId,
        string? HolderUnitName, string? HolderProviderName, string? Note)
    {
        public string StatusName => KeySet.SwedishName(Status);
    }

    /// <summary>How many sets should be out and with which units; <paramref name="Actual"/> counts the sets held by units.</summary>
    public sealed record Expectation(int Expected, int Actual, bool Matches, IReadOnlyList<Holder> ExpectedHolders);

    public sealed record Holder(Guid UnitId, string Name);

    public async Task<Result> Handle(Guid clientId, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.MunicipalityId, c.HouseholdId, Name = c.FirstName + " " + c.LastName, c.OpensDoorThemself })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Brukaren");

        var sets = (await db.KeySets.AsNoTracking().Where(k => k.ClientId == clientId)
                .Select(k => new Set(k.Id, k.Version, k.KeyNumber, k.KeyCount, k.Status, k.HolderUnitId,
                    k.HolderUnit!.Name, k.HolderUnit.Provider!.Name, k.Note))
                .ToListAsync(ct))
            .OrderBy(s => s.Status).ThenBy(s => s.KeyNumber, StringComparer.Ordinal).ToList();

        var expectation = KeySetExpectation.For(await ActiveServices(clientId, client.MunicipalityId, ct), client.OpensDoorThemself,
            sets.Where(s => s.Status == KeySetStatus.WithHolder && s.HolderUnitId is not null).Select(s => s.HolderUnitId!.Value));
        var names = await UnitNames(expectation.ExpectedHolders.Concat(expectation.ActualHolders).Distinct().ToList(), ct);
        string NameOf(Guid unit) => names.GetValueOrDefault(unit, "En enhet");

        var receipts = await db.KeyReceipts.AsNoTracking().Where(r => r.ClientId == clientId).Summaries(db).Take(Latest).ToListAsync(ct);
        var uses = await db.PhysicalKeyUses.AsNoTracking().Where(u => u.ClientId == clientId).Items(db).Take(Latest).ToListAsync(ct);

        return new Result(clientId, client.Name, client.OpensDoorThemself, await HouseholdLock.IsMountedAsync(db, client.HouseholdId, ct),
            sets,
            new Expectation(expectation.Expected, expectation.Actual, expectation.Matches,
                expectation.ExpectedHolders.Select(u => new Holder(u, NameOf(u))).ToList()),
            expectation.Warnings(NameOf).ToList(), receipts, uses);
    }

    // The expectation is about every unit that serves the client, also another provider's alarm group,
    // but a provider's user sees only its own provider's services: the filters are lifted here, for a
    // client the caller has already been shown to see, and only kind and unit are read.
    private async Task<List<KeySetExpectation.ActiveService>> ActiveServices(Guid clientId, Guid municipalityId, CancellationToken ct)
    {
        var today = db.Clock.Today();
        return await db.CareServices.WithoutScopeFilter().AsNoTracking()
            .Where(s => s.ClientId == clientId && s.MunicipalityId == municipalityId
                        && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .Select(s => new KeySetExpectation.ActiveService(s.Kind, s.UnitId))
            .ToListAsync(ct);
    }

    private async Task<Dictionary<Guid, string>> UnitNames(List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? []
            : await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, Name = u.Name + " (" + u.Provider!.Name + ")" })
                .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
}
