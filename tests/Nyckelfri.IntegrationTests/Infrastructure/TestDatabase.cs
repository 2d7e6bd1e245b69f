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
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "nyckelfri-tests");

    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        var options = new DbContextOptionsBuilder<NyckelfriDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        Options = options.Options;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>For a host under test: <c>ConnectionStrings:Nyckelfri</c> with <c>Database:Provider</c> = <see cref="Provider"/>.</summary>
    public string ConnectionString { get; }

    public DbContextOptions<NyckelfriDbContext> Options { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestSchema schema = TestSchema.Migrated)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
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

    /// <summary>A context that sees what <paramref name="scope"/> may see (its query filters apply).</summary>
    public NyckelfriDbContext CreateContext(AccessScope scope, TimeProvider? clock = null) =>
        new(Options, scope, clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync() => await _drop();

    private static TestDatabase CreateSqlite()
    {
        Directory.CreateDirectory(SqliteFolder);
        var file = Path.Combine(SqliteFolder, $"{Guid.NewGuid():N}.db");
        // No pooling, so that no connection holds the file open when it is deleted.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                File.Delete(path);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer.RequireConnectionString();
        var name = $"nyckelfri_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
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
