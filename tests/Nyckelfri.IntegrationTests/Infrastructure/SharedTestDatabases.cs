using System.Collections.Concurrent;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>A seeded test database and what its seed created (ids, typically).</summary>
public sealed record SeededDatabase<TSeed>(TestDatabase Database, TSeed Seed);

/// <summary>
/// A class fixture (<c>IClassFixture&lt;T&gt;</c>) for tests that only read: one migrated and seeded
/// database per provider, created when a test first asks for it and dropped after the class.
/// Tests that write should take a <see cref="TestDatabase"/> of their own instead.
/// </summary>
public abstract class SharedTestDatabases<TSeed> : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<SeededDatabase<TSeed>>>> _databases = new();

    /// <summary>Writes the test data through a system-scoped context and returns what tests need to find it.</summary>
    protected abstract Task<TSeed> SeedAsync(NyckelfriDbContext context);

    public Task<SeededDatabase<TSeed>> GetAsync(DatabaseProvider provider) =>
        _databases.GetOrAdd(provider, p => new Lazy<Task<SeededDatabase<TSeed>>>(() => CreateAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values.Select(lazy => lazy.Value))
        {
            // One whose creation failed was dropped then, and its test failed with the reason.
            if (database.IsCompletedSuccessfully)
                await database.Result.Database.DisposeAsync();
        }
    }

    private async Task<SeededDatabase<TSeed>> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await using var context = database.CreateContext(AccessScope.System());
            return new SeededDatabase<TSeed>(database, await SeedAsync(context));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
