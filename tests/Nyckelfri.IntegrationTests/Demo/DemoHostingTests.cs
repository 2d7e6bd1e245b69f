using Microsoft.Extensions.Configuration;
using Nyckelfri.Web.Hosting;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>When the host wires the demo in (Demo:Enabled) and creates it at start-up (Demo:SeedOnEmpty), as README.md says.</summary>
public sealed class DemoHostingTests
{
    [Fact]
    public void Read_EmbeddedSqliteByDefault_DemoOnAndCreatedOnEmpty() =>
        Read(("Database:Provider", "Sqlite")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: true));

    [Fact]
    public void Read_NoProviderSet_IsTheEmbeddedDefault() =>
        Read().ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: true));

    [Fact]
    public void Read_PostgresByDefault_DemoOff() =>
        Read(("Database:Provider", "Postgres")).ShouldBe(new DemoHosting.DemoSettings(Enabled: false, SeedOnEmpty: false));

    [Fact]
    public void Read_PostgresWithSeedOnEmpty_DemoOnAndCreatedOnEmpty() =>
        Read(("Database:Provider", "Postgres"), ("Demo:SeedOnEmpty", "true")).ShouldBe(new DemoHosting.DemoSettings(true, true));

    [Fact]
    public void Read_PostgresWithTheSeedDemoCommand_DemoOnForTheCommandOnly() =>
        Read(["seed-demo"], ("Database:Provider", "Postgres")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: false));

    [Fact]
    public void Read_PostgresWithDemoEnabled_DemoOnButNotCreated() =>
        Read(("Database:Provider", "Postgres"), ("Demo:Enabled", "true")).ShouldBe(new DemoHosting.DemoSettings(true, false));

    [Fact]
    public void Read_SqliteWithDemoDisabled_NeitherOnNorCreated() =>
        Read(("Database:Provider", "Sqlite"), ("Demo:Enabled", "false")).ShouldBe(new DemoHosting.DemoSettings(false, false));

    [Fact]
    public void Read_SqliteWithoutSeeding_DemoStaysOn() =>
        Read(("Demo:SeedOnEmpty", "false")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: false));

    [Fact]
    public void Read_DisabledButAskedToCreateIt_RefusesToStart() =>
        Should.Throw<InvalidOperationException>(() => Read(("Demo:Enabled", "false"), ("Demo:SeedOnEmpty", "true")))
            .Message.ShouldContain("Demo:Enabled=false");

    private static DemoHosting.DemoSettings Read(params (string Key, string Value)[] settings) => Read([], settings);

    private static DemoHosting.DemoSettings Read(string[] args, params (string Key, string Value)[] settings) =>
        DemoHosting.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), args);
}
