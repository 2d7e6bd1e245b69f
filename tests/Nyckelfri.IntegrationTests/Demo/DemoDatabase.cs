using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>A clock stopped at one instant, so that "today" is the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// An empty database with the services the demo generator needs: the DbContext in the system scope,
/// Identity's user and role stores, and a fixed clock. By default a temporary SQLite file built with
/// EnsureCreated; <see cref="CreateAsync"/> gives a migrated test database on either provider.
/// </summary>
internal sealed class DemoDatabase : IDisposable, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nyckelfri-demo-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;
    private readonly TestDatabase? _database;

    public DemoDatabase(TimeProvider? clock = null)
    {
        _services = BuildServices(clock, o => o.UseSqlite(ConnectionString));
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Database.EnsureCreated();
    }

    private DemoDatabase(TestDatabase database, TimeProvider? clock)
    {
        _database = database;
        _services = BuildServices(clock, o => DatabaseSetup.Configure(o, database.Provider, database.ConnectionString));
    }

    /// <summary>A migrated, empty test database on <paramref name="provider"/>, as the app starts from.</summary>
    public static async Task<DemoDatabase> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null) =>
        new(await TestDatabase.CreateAsync(provider), clock);

    public DatabaseProvider Provider => _database?.Provider ?? DatabaseProvider.Sqlite;

    private string ConnectionString => $"Data Source={_path}";

    private static ServiceProvider BuildServices(TimeProvider? clock, Action<DbContextOptionsBuilder> database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? FixedClock.Default);
        services.AddScoped<ScopeHolder>();
        services.AddScoped<IAccessScopeSource>(sp => sp.GetRequiredService<ScopeHolder>());
        services.AddDbContext<NyckelfriDbContext>(database);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<NyckelfriDbContext>();
        services.AddScoped<DemoGenerator>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

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

    /// <summary>
    /// A fresh scope to read what was written, untouched by the generator's change tracker, as a
    /// municipality-wide user of one demo municipality (Demo kommun unless told): the query filters
    /// keep the other municipality out, as they do in the app.
    /// </summary>
    public AsyncServiceScope Scope(string municipalityCode = "demo")
    {
        var scope = _services.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Municipalities
            .Where(m => m.Code == municipalityCode).Select(m => m.Id).SingleOrDefault();
        if (id != Guid.Empty)
            scope.ServiceProvider.GetRequiredService<ScopeHolder>().Scope = new AccessScope { MunicipalityId = id, UserName = "test", Today = Today };
        return scope;
    }

    /// <summary>A fresh scope that sees every municipality; <paramref name="municipalityId"/> and today set as the daily sweep sets them.</summary>
    public AsyncServiceScope SystemScope(Guid municipalityId = default)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopeHolder>().Scope =
            new AccessScope { IsSystem = true, MunicipalityId = municipalityId, UserName = "system", Today = Today };
        return scope;
    }

    /// <summary>The caller's scope, system until a reading scope is chosen.</summary>
    private sealed class ScopeHolder : IAccessScopeSource
    {
        public AccessScope Scope { get; set; } = AccessScope.System();

        public AccessScope Current => Scope;
    }

    public void Dispose()
    {
        if (_database is not null) throw new InvalidOperationException("Dispose a migrated test database with DisposeAsync.");
        _services.Dispose();
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is null)
        {
            Dispose();
            return;
        }
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
