using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// One receipt for a digital key or a 2-factor device, as printed for the paper signature (and read
/// through the API). It names the employee and their provider, never any key material.
/// </summary>
public sealed class GetDigitalKeyReceipt(NyckelfriDbContext db) : IHandler
{
    public sealed record Printable(Guid Id, string Reference, string MunicipalityName, DigitalKeyReceiptKind Kind, Guid? DigitalKeyId,
        Guid? TwoFactorDeviceId, string ItemNumber, Guid EmployeeId, string EmployeeName, string ProviderName, DateOnly Date,
        string GiverName, string ReceiverName, bool SignedByGiver, bool SignedByReceiver, string RecordedBy, string? Note)
    {
        public string KindName => DigitalKeyReceipt.SwedishName(Kind);
        public string ItemName => DigitalKeyId is null ? "2-faktorsaktiveringsdosa" : "Digital nyckel";

        public IReadOnlyList<string> SignedBy =>
            [.. SignedByGiver ? [GiverName] : Array.Empty<string>(), .. SignedByReceiver ? [ReceiverName] : Array.Empty<string>()];
    }

    public async Task<Printable> Handle(Guid id, CancellationToken ct)
    {
        var r = await db.DigitalKeyReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Kvittensen");
        var employee = await db.Employees.WithoutScopeFilter().AsNoTracking().Where(e => e.Id == r.EmployeeId && e.MunicipalityId == r.MunicipalityId)
            .Select(e => new { Name = e.FirstName + " " + e.LastName, Provider = e.Provider!.Name }).FirstAsync(ct);
        var municipality = await db.Municipalities.Where(m => m.Id == r.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct);
        return new Printable(r.Id, r.Reference, municipality ?? "", r.Kind, r.DigitalKeyId, r.TwoFactorDeviceId, r.ItemNumber, r.EmployeeId,
            employee.Name, employee.Provider, r.Date, r.GiverName, r.ReceiverName, r.SignedByGiver, r.SignedByReceiver, r.RecordedBy, r.Note);
    }
}
