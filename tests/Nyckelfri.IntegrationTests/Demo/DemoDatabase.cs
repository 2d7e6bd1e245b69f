using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Identity;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>A clock stopped at one instant, so that "today" is the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// An empty SQLite database in a temporary file, with the services the demo generator needs:
/// the DbContext in the system scope, Identity's user and role stores, and a fixed clock.
/// </summary>
internal sealed class DemoDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nyckelfri-demo-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public DemoDatabase(TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? FixedClock.Default);
        services.AddSingleton<IAccessScopeSource>(AccessScope.System());
        services.AddDbContext<NyckelfriDbContext>(o => o.UseSqlite(ConnectionString));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<NyckelfriDbContext>();
        services.AddScoped<DemoGenerator>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Database.EnsureCreated();
    }

    private string ConnectionString => $"Data Source={_path}";

    public DateOnly Today => _services.GetRequiredService<TimeProvider>().Today();

    /// <summary>Runs the generator in a scope of its own, as the host would, and times it.</summary>
    public async Task<(DemoSummary Summary, TimeSpan Elapsed)> GenerateAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var generator = scope.ServiceProvider.GetRequiredService<DemoGenerator>();
        var stopwatch = Stopwatch.StartNew();
        var summary = await generator.GenerateAsync(CancellationToken.None);
        return (summary, stopwatch.Elapsed);
    }

    /// <summary>A fresh scope to read what was written, untouched by the generator's change tracker.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public void Dispose()
    {
        _services.Dispose();
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
