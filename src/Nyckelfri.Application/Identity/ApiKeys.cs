using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>API keys of the caller's municipality: list, create (the secret is returned once), revoke.</summary>
public sealed class ApiKeys(NyckelfriDbContext db) : IHandler
{
    public sealed record Item(Guid Id, string Name, string Prefix, string Role, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt);
    public sealed record CreateCommand(string? Name);
    public sealed record Created(Guid Id, string Name, string Secret);

    public async Task<IReadOnlyList<Item>> List(CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name)
            .Select(k => new Item(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt))
            .ToListAsync(ct);

    public async Task<Created> Create(CreateCommand command, CancellationToken ct)
    {
        var v = new Validator();
        var name = v.Required(nameof(CreateCommand.Name), command.Name, "Namn", 80);
        v.ThrowIfInvalid();
        var (key, secret) = ApiKey.Create(db.Scope.MunicipalityId, name!, db.Scope.UserName, db.Clock.UtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new Created(key.Id, key.Name, secret);
    }

    public async Task Revoke(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("API-nyckeln");
        key.Revoke(db.Clock.UtcNow());
        await db.SaveChangesAsync(ct);
    }
}
