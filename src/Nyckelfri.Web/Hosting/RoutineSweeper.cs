using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Runs the routine rules' daily sweep (<see cref="RoutineRules.Sweep"/>) at start-up and then every
/// <c>Routines:SweepIntervalMinutes</c> (default 60; 0 turns it off, as the tests do): a mounted lock
/// nobody needs any more gets its removal even when no service change announced it (a removal
/// cancelled by mistake, an end date registered in advance that has now passed). One municipality at
/// a time, each in its own scope and save; the open-removal check makes a second run a no-op.
/// </summary>
public sealed partial class RoutineSweeper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<RoutineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Routines:SweepIntervalMinutes", 60);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await SweepAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAllAsync(CancellationToken ct)
    {
        List<Guid> municipalities;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
            municipalities = await scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Municipalities.Select(m => m.Id).ToListAsync(ct);
        }
        var opened = 0;
        foreach (var id in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope =
                new AccessScope { IsSystem = true, MunicipalityId = id, UserName = "system", Today = clock.Today() };
            var count = await scope.ServiceProvider.GetRequiredService<RoutineRules>().Sweep(id, ct);
            if (count > 0) await scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().SaveChangesAsync(ct);
            opened += count;
        }
        if (opened > 0) Opened(logger, opened);
        return opened;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The routine sweep opened {Count} work orders")]
    private static partial void Opened(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The routine sweep failed: {Error}")]
    private static partial void Failed(ILogger logger, string error);
}
