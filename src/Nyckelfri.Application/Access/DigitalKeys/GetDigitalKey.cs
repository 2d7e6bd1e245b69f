using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>What can be done with a digital key in its present status.</summary>
public enum DigitalKeyAction { MakeReady, Issue, Return, Block, Retire, Move, KeepAt }

/// <summary>One digital key with its holder and receipts, found only when the caller may see it.</summary>
public sealed class GetDigitalKey(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string KeyNumber, DigitalKeyKind Kind, DigitalKeyStatus Status, KeyStock Stock,
        Guid? EmployeeId, string? EmployeeName, EmploymentType? EmploymentType, string? OrderedBy, DateOnly? IssuedOn, DateOnly? ReturnedOn,
        DateTime? BlockedAt, string? BlockReason, string? KeptAt, string? HolderKeyFingerprint, IReadOnlyList<DigitalKeyReceiptSummary> Receipts)
    {
        public string StatusName => DigitalKey.SwedishName(Status);
        public string KindName => DigitalKey.SwedishName(Kind);
        public string StockName => DigitalKey.SwedishName(Stock);

        /// <summary>An order or an issued key belongs to its employee; only a key on the shelf lies in a stock.</summary>
        public bool IsInStock => Status is DigitalKeyStatus.InStock or DigitalKeyStatus.Ordered;

        public IReadOnlyList<DigitalKeyAction> AllowedActions => Status switch
        {
            DigitalKeyStatus.Ordered => [DigitalKeyAction.MakeReady, DigitalKeyAction.Retire],
            DigitalKeyStatus.InStock => EmployeeId is null
                ? [DigitalKeyAction.Issue, DigitalKeyAction.Move, DigitalKeyAction.Block, DigitalKeyAction.Retire]
                : [DigitalKeyAction.Issue, DigitalKeyAction.Block, DigitalKeyAction.Retire],
            DigitalKeyStatus.Issued => [DigitalKeyAction.Return, DigitalKeyAction.KeepAt, DigitalKeyAction.Block],
            _ => [],
        };
    }

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var k = await db.DigitalKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        var employee = k.EmployeeId is { } employeeId
            ? await db.Employees.WithoutScopeFilter().AsNoTracking().Where(e => e.Id == employeeId && e.MunicipalityId == k.MunicipalityId)
                .Select(e => new { Name = e.FirstName + " " + e.LastName, e.EmploymentType }).FirstOrDefaultAsync(ct)
            : null;
        var receipts = await db.DigitalKeyReceipts.AsNoTracking().Where(r => r.DigitalKeyId == id).Summaries().ToListAsync(ct);
        var fingerprint = k.HasKeyMaterial ? Convert.ToHexString(k.HolderKeyHash)[..16] : null;
        return new Details(k.Id, k.Version, k.KeyNumber, k.Kind, k.Status, k.Stock, k.EmployeeId, employee?.Name, employee?.EmploymentType,
            k.OrderedBy, k.IssuedOn, k.ReturnedOn, k.BlockedAt, k.BlockReason, k.KeptAt, fingerprint, receipts);
    }
}
