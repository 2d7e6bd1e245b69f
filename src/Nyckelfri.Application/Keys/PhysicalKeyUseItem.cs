using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>One recorded use of a physical key at a home with a digital lock.</summary>
public sealed record PhysicalKeyUseItem(Guid Id, Guid ClientId, Guid? KeySetId, string? KeyNumber, DateTime UsedAt,
    PhysicalKeyUseReason Reason, string? Note, string RecordedBy)
{
    public string ReasonName => PhysicalKeyUse.SwedishName(Reason);
}

internal static class PhysicalKeyUseProjections
{
    /// <summary>Newest first.</summary>
    public static IQueryable<PhysicalKeyUseItem> Items(this IQueryable<PhysicalKeyUse> uses, NyckelfriDbContext db) =>
        uses
            .OrderByDescending(u => u.UsedAt).ThenByDescending(u => u.Id)
            .Select(u => new PhysicalKeyUseItem(u.Id, u.ClientId, u.KeySetId,
                db.KeySets.Where(k => k.Id == u.KeySetId).Select(k => k.KeyNumber).FirstOrDefault(),
                u.UsedAt, u.Reason, u.Note, u.RecordedBy));
}
