using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// The security log of the caller's municipality (the query filter), newest first: filtered by kind,
/// by user (the login's id: a name never travels in a URL) and by a period of Swedish days.
/// </summary>
public sealed class ListSecurityEvents(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(SecurityEventKind? Kind = null, string? UserId = null, DateOnly? From = null, DateOnly? To = null,
        int? Page = null, int? PageSize = null);

    /// <summary>One event; <see cref="OccurredAt"/> is UTC.</summary>
    public sealed record Item(long Id, DateTime OccurredAt, SecurityEventKind Kind, string? UserId, string? UserName,
        string? Subject, string? Detail, string? RemoteAddress)
    {
        public string KindName => SecurityEventRecord.SwedishName(Kind);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var v = new Validator();
        var period = SwedishPeriod.Of(v, query.From, query.To);
        if (query.Kind is { } kind && !Enum.IsDefined(kind)) v.Add(nameof(Query.Kind), "Händelse har ett okänt värde.");
        var user = v.Optional(nameof(Query.UserId), query.UserId, "Användare", SecurityEventRecord.UserIdLength);
        v.ThrowIfInvalid();

        var events = db.SecurityEvents.AsNoTracking();
        if (query.Kind is { } k) events = events.Where(e => e.Kind == k);
        if (user is not null) events = events.Where(e => e.UserId == user);
        if (period.FromUtc is { } from) events = events.Where(e => e.OccurredAt >= from);
        if (period.ToUtcExclusive is { } to) events = events.Where(e => e.OccurredAt < to);
        return await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new Item(e.Id, e.OccurredAt, e.Kind, e.UserId, e.UserName, e.Subject, e.Detail, e.RemoteAddress))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
