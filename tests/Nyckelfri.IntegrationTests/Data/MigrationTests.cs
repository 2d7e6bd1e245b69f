using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Data;

/// <summary>
/// The migrations are written by hand (no EF design package here), so these tests are what keeps
/// them equal to the model: a schema built by Migrate() must be the one EnsureCreated() builds.
/// </summary>
public sealed class MigrationTests
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Migrate_FreshDatabase_BuildsTheSchemaTheModelDescribes(DatabaseProvider provider)
    {
        await using var created = await TestDatabase.CreateAsync(provider, TestSchema.Empty);
        await using (var context = created.CreateContext(AccessScope.System()))
            (await context.Database.EnsureCreatedAsync()).ShouldBeTrue();
        await using var migrated = await TestDatabase.CreateAsync(provider, TestSchema.Migrated);

        var expected = await SchemaDump.DescribeAsync(created);
        var actual = await SchemaDump.DescribeAsync(migrated);

        expected.ShouldNotBeEmpty();
        var diff = SchemaDump.Diff(expected, actual);
        Assert.True(diff.Length == 0,
            $"The migrations build another schema than the model (- only from EnsureCreated, + only from Migrate):\n{diff}");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Migrate_AlreadyMigratedDatabase_ChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await SchemaDump.DescribeAsync(database);

        await using (var context = database.CreateContext(AccessScope.System()))
        {
            (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            await context.Database.MigrateAsync();
            (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(context.Database.GetMigrations());
        }

        var diff = SchemaDump.Diff(before, await SchemaDump.DescribeAsync(database));
        Assert.True(diff.Length == 0, $"Migrating again changed the schema (- before, + after):\n{diff}");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task MigrateToZero_MigratedDatabase_RemovesEveryTable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using (var context = database.CreateContext(AccessScope.System()))
            await context.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);

        (await SchemaDump.DescribeAsync(database)).ShouldBeEmpty();
    }
}
