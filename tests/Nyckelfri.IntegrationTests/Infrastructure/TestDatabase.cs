using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>What a fresh test database holds when handed over.</summary>
public enum TestSchema
{
    /// <summary>The application's migrations applied, no rows: what the app starts from.</summary>
    Migrated,

    /// <summary>Nothing at all, for tests that build the schema themselves.</summary>
    Empty,
}

/// <summary>
/// A fresh database of its own for one test (or one fixture): a temporary file on SQLite, a uniquely
/// named database on the PostgreSQL server of <see cref="PostgresServer"/>. Disposing drops it.
/// <code>
/// await using var db = await TestDatabase.CreateAsync(provider);
/// await using var context = db.CreateContext(AccessScope.System());
/// </code>
/// <see cref="CopyOfAsync"/> makes one from a prepared database instead (a file copy on SQLite, a
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL): what lets every test class start from the same
/// migrated and seeded world without migrating and seeding again.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    // On a tmpfs where there is one (Linux): a commit there costs no disk flush. The files are
    // the same SQLite files as on disk; PostgreSQL in test.sh runs with fsync off for the same reason.
    private static readonly string SqliteFolder = Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "nyckelfri-tests");

    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
        _drop = drop;
        var options = new DbContextOptionsBuilder<NyckelfriDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        Options = options.Options;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>For a host under test: <c>ConnectionStrings:Nyckelfri</c> with <c>Database:Provider</c> = <see cref="Provider"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    public DbContextOptions<NyckelfriDbContext> Options { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestSchema schema = TestSchema.Migrated)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(template: null),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        if (schema == TestSchema.Empty) return database;
        try
        {
            await using var context = database.CreateContext(AccessScope.System());
            await context.Database.MigrateAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A new database holding exactly what <paramref name="template"/> holds now. Nothing may be connected
    /// to the template while it is copied: dispose the app that filled it first.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        await template.ReleaseConnectionsAsync();
        switch (template.Provider)
        {
            case DatabaseProvider.Sqlite:
                var copy = CreateSqlite();
                File.Copy(template.Name, copy.Name);
                return copy;
            case DatabaseProvider.Postgres:
                return await CreatePostgresAsync(template.Name);
            default:
                throw new ArgumentOutOfRangeException(nameof(template), template.Provider, null);
        }
    }

    /// <summary>A context that sees what <paramref name="scope"/> may see (its query filters apply).</summary>
    public NyckelfriDbContext CreateContext(AccessScope scope, TimeProvider? clock = null) =>
        new(Options, scope, clock ?? TimeProvider.System);

    /// <summary>
    /// Closes the pooled connections to this database, and on SQLite folds the write-ahead log into the
    /// file, so that the file alone is the whole database.
    /// </summary>
    public async Task ReleaseConnectionsAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using (var connection = new SqliteConnection(ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            await using var pooled = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        else
        {
            await using var pooled = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static TestDatabase CreateSqlite()
    {
        Directory.CreateDirectory(SqliteFolder);
        var file = Path.Combine(SqliteFolder, $"{Guid.NewGuid():N}.db");
        // Pooled, as the app runs: without a pool every query opens the file and reads the schema anew.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, file, () =>
        {
            using (var pooled = new SqliteConnection(connectionString))
                SqliteConnection.ClearPool(pooled);
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                File.Delete(path);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var server = PostgresServer.RequireConnectionString();
        var name = $"nyckelfri_test_{Guid.NewGuid():N}";
        var create = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        // Two copies of one template at once may meet PostgreSQL's check that nobody uses the template
        // (55006, object in use) for an instant: try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, create);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && template is not null && attempt < 20)
            {
                await Task.Delay(50 * attempt);
            }
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, name, async () =>
        {
            await using (var connection = new NpgsqlConnection(connectionString))
                NpgsqlConnection.ClearPool(connection);
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
