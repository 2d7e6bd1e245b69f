using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nyckelfri.Data;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Demo;

/// <summary>The demo generator behind the host's "demo on an empty database" (start-up and <c>seed-demo</c>).</summary>
internal sealed class DemoSeed(NyckelfriDbContext db, DemoGenerator generator, ILogger<DemoSeed> log) : IDemoSeed
{
    public async Task<bool> CreateOnEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Municipalities.AcrossMunicipalities().AnyAsync(cancellationToken)) return false;
        var summary = await generator.GenerateAsync(cancellationToken);
        log.LogInformation("Demo municipality created: {Clients} clients, {Employees} employees, {WorkOrders} work orders, {Logins} logins; and Demo Botkyrka: {SecondClients} clients, {SecondWorkOrders} work orders",
            summary.Clients, summary.Employees, summary.WorkOrders, summary.Logins, summary.Botkyrka?.Clients, summary.Botkyrka?.WorkOrders);
        return true;
    }
}
