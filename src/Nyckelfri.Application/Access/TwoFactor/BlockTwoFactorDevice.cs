using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>
/// A lost 2-factor device is blocked at once (seed 001). It holds no credential itself, so no
/// revocation list is needed; if the key went with it, block the key too (the page says so).
/// </summary>
public sealed class BlockTwoFactorDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public string? Reason { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var v = new Validator();
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", DigitalKeyRules.MaxReasonLength);
        v.ThrowIfInvalid();
        var device = await db.TwoFactorDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        if (DigitalKeyRules.IsStaffingUnitOnly(db.Scope))
        {
            var type = device.EmployeeId is { } holder
                ? await db.Employees.WithoutScopeFilter().Where(e => e.Id == holder).Select(e => (EmploymentType?)e.EmploymentType).FirstOrDefaultAsync(ct)
                : null;
            if (type != EmploymentType.Hourly)
                throw new RuleViolationException("digital-key-not-hourly", "Bemanningsenheten spärrar bara dosor som timanställda har.");
        }
        device.Block(reason!, db.Clock.UtcNow());
        db.Record(device, "2-faktorsdosa spärrad", reason);
        await db.SaveChangesAsync(ct);
    }
}
