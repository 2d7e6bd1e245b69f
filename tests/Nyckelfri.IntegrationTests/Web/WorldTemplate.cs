using System.Collections.Concurrent;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// One prepared database per provider for the whole test run: migrated by the app at start-up, the
/// <see cref="TestWorld"/> seeded through the app's own services, every world user logged in once (which
/// also writes the data-protection key ring into the database). Each <see cref="NyckelfriApp"/> starts on
/// a copy, so no test class pays for migrations, seeding, password hashing and logins again, and no
/// class sees another's data. Dropped when the test process ends.
/// </summary>
internal sealed class WorldTemplate
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<WorldTemplate>>> Templates = new();

    private WorldTemplate(TestDatabase database, TestWorld world, IReadOnlyDictionary<string, string> tokens)
    {
        Database = database;
        World = world;
        Tokens = tokens;
    }

    public TestDatabase Database { get; }
    public TestWorld World { get; }

    /// <summary>Bearer tokens of the world's users, valid in every copy (same key ring, same users).</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    /// <summary>Every login of the test world.</summary>
    public static IEnumerable<string> UserNames =>
        Roles.All.Where(r => r != Roles.Integration).Select(TestWorld.UserFor)
            .Concat([TestWorld.AdminInB, TestWorld.InternalCoordinator, TestWorld.SecondFeeOfficer]);

    public static Task<WorldTemplate> For(DatabaseProvider provider) =>
        Templates.GetOrAdd(provider, p => new Lazy<Task<WorldTemplate>>(() => CreateAsync(p))).Value;

    private static async Task<WorldTemplate> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, TestSchema.Empty);
        try
        {
            TestWorld world;
            var tokens = new Dictionary<string, string>();
            await using (var app = await NyckelfriApp.StartOnEmptyAsync(database))
            {
                world = app.World;
                foreach (var user in UserNames)
                    (await app.ApiAsUser(user)).Dispose();
                foreach (var (user, token) in app.Tokens) tokens[user] = token;
            }
            await database.ReleaseConnectionsAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new WorldTemplate(database, world, tokens);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
