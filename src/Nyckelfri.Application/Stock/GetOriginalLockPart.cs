using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>One of a client's original lock parts: what it is, whose, and where it is kept (or when it went back).</summary>
public sealed class GetOriginalLockPart(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, Guid ClientId, string ClientName, Guid StockLocationId, string StockLocationName,
        string Description, string? Tag, DateOnly StoredOn, DateOnly? ReturnedOn, string? ReturnNote)
    {
        public bool IsInStore => ReturnedOn is null;
    }

    /// <summary>The read model, shared by the lists so every view of a part says the same.</summary>
    internal static readonly Expression<Func<OriginalLockPart, Details>> Project = p => new Details(p.Id, p.Version, p.ClientId,
        p.Client!.FirstName + " " + p.Client.LastName, p.StockLocationId, p.StockLocation!.Name,
        p.Description, p.Tag, p.StoredOn, p.ReturnedOn, p.ReturnNote);

    public async Task<Details> Handle(Guid id, CancellationToken ct) =>
        await db.OriginalLockParts.AsNoTracking().Where(p => p.Id == id).Select(Project).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Låsdelarna");
}
