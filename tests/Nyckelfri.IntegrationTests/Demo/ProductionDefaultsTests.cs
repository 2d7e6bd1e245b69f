using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Tenancy;
using Nyckelfri.Testing;
using Nyckelfri.Web.Hosting;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>
/// Issue 13: a production start on an empty database creates no demo and lists no demo logins, whatever
/// the database; and <c>remove-demo</c> takes the demo municipalities out with everything in them,
/// leaving a real municipality as it was.
/// </summary>
public sealed class ProductionDefaultsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task ProductionStart_EmptyDatabase_NoDemoAndNoDemoLogins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestSchema.Empty);
        await using var host = new ProductionHost(database);

        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetAsync("/Konto/Logga-in");

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync());
        page.ShouldNotContain("Demoinloggningar");
        page.ShouldNotContain(DemoLogins.Password);
        host.Services.GetService<IDemoLoginList>().ShouldBeNull();
        await using var db = database.CreateContext(AccessScope.System());
        (await db.Municipalities.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync()).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RemoveDemo_DemoAndARealMunicipality_OnlyTheDemoIsGoneWithEverythingInIt(DatabaseProvider provider)
    {
        await using var demo = await DemoDatabase.CreateAsync(provider);
        await demo.GenerateAsync();
        Guid real;
        await using (var scope = demo.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
            var municipality = new Municipality("Riktiga kommunen", "riktig", isDemo: false);
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
            real = municipality.Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.CreateAsync(new AppUser { UserName = "riktig-admin", DisplayName = "Admin", MunicipalityId = real }, "Ett-riktigt-losen-5")).Succeeded.ShouldBeTrue();
        }
        int demoRows;
        await using (var scope = demo.SystemScope())
            demoRows = await RowsOutside(scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>(), real);
        demoRows.ShouldBeGreaterThan(1000);

        DemoRemoval.Result result;
        await using (var scope = demo.SystemScope())
            result = await DemoRemoval.RemoveAsync(scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>(), CancellationToken.None);

        output.WriteLine($"{provider}: removed {result.Total} rows: " + string.Join(", ", result.RowsByTable.Select(r => $"{r.Key} {r.Value}")));
        await using (var scope = demo.SystemScope())
            output.WriteLine("Order: " + string.Join(", ", DemoRemoval.Plan(scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>().Model).Deletes.Select(d => d.Table)));
        result.Municipalities.ShouldBe(["Demo Botkyrka", "Demo kommun"], ignoreOrder: true);
        result.RowsByTable.Keys.ShouldContain("Clients");
        result.RowsByTable.Keys.ShouldContain("AspNetUserRoles");
        await using (var scope = demo.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
            (await RowsOutside(db, real)).ShouldBe(0);
            (await db.Municipalities.Select(m => m.Id).ToListAsync()).ShouldBe([real]);
            (await db.Users.Select(u => u.UserName).ToListAsync()).ShouldBe(["riktig-admin"]);
            (await db.UserRoles.CountAsync()).ShouldBe(0);
            (await db.Set<Client>().CountAsync()).ShouldBe(0);
            (await db.Roles.CountAsync()).ShouldBeGreaterThan(0); // roles are shared, not the demo's
        }
        await using (var scope = demo.SystemScope())
            (await DemoRemoval.RemoveAsync(scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>(), CancellationToken.None)).Municipalities.ShouldBeEmpty();
    }

    /// <summary>Rows of every table with a MunicipalityId that belong to another municipality than <paramref name="keep"/>.</summary>
    private static async Task<int> RowsOutside(NyckelfriDbContext db, Guid keep)
    {
        var total = 0;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.FindOwnership() is null && t.BaseType is null))
        {
            var column = type.FindProperty("MunicipalityId") ?? (type.ClrType == typeof(Municipality) ? type.FindProperty("Id") : null);
            if (column is null) continue;
            var table = type.GetTableName()!;
            var name = column.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, type.GetSchema()))!;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{name}\" IS NOT NULL AND \"{name}\" <> @keep";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@keep";
            parameter.Value = db.Database.IsSqlite() ? keep.ToString().ToUpperInvariant() : keep;
            command.Parameters.Add(parameter);
            total += Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }

    private sealed class ProductionHost(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production as an operator starts it: no Demo:* setting at all.
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Nyckelfri", database.ConnectionString);
            builder.UseSetting("Notifications:IntervalSeconds", "0");
            builder.UseSetting("Routines:SweepIntervalMinutes", "0");
            builder.UseSetting("Visits:WebhookIntervalSeconds", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in TestKeyEncryption.Run.Settings()) builder.UseSetting(key, value);
        }
    }
}
