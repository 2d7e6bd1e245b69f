using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// A lost or stolen key is blocked at once and for good (seed 001): anyone responsible for it may do
/// it, without waiting for anyone. The same save publishes a new signed revocation list carrying the
/// key's device-key hash, so the server issues nothing more to it and locks refuse it as soon as a
/// phone brings them the list. No version check: a block must not fail because someone else just
/// touched the key. Access comes back only with a new key.
/// </summary>
public sealed class BlockDigitalKey(NyckelfriDbContext db, RevocationLists revocationLists) : IHandler
{
    public sealed class Command
    {
        /// <summary>What happened (lost, stolen, ...); required.</summary>
        public string? Reason { get; set; }
    }

    /// <returns>The version of the revocation list that carries the block.</returns>
    public async Task<long> Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", DigitalKeyRules.MaxReasonLength);
        v.ThrowIfInvalid();

        // One transaction: two blocks at once publish consecutive list versions (RevocationLists.LockPublishingAsync).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await Block(id, reason!, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    private async Task<long> Block(Guid id, string reason, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        var holder = key.EmployeeId is { } employeeId
            ? await db.Employees.WithoutScopeFilter().Where(e => e.Id == employeeId)
                .Select(e => new { Name = e.FirstName + " " + e.LastName, e.EmploymentType }).FirstOrDefaultAsync(ct)
            : null;
        DigitalKeyRules.RequireStaffingUnitMay(db.Scope, key.Stock, holder?.EmploymentType);
        key.Block(reason, db.Clock.UtcNow());
        var list = await revocationLists.PublishAsync(key.MunicipalityId, ct);
        db.Record(key, "Digital nyckel spärrad",
            $"{reason} (spärrlista version {list.ListVersion}{(holder is null ? "" : $"; hos {holder.Name}")}).");
        await db.SaveChangesAsync(ct);
        return list.ListVersion;
    }
}
