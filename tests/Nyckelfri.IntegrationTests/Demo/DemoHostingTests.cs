using Microsoft.Extensions.Configuration;
using Nyckelfri.Web.Hosting;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>When the host wires the demo in (Demo:Enabled) and creates it at start-up (Demo:SeedOnEmpty), as README.md says.</summary>
public sealed class DemoHostingTests
{
    private static readonly (string, string) Development = ("environment", "Development");
    private static readonly (string, string) Production = ("environment", "Production");

    [Fact]
    public void Read_DevelopmentWithEmbeddedSqlite_DemoOnCreatedOnEmptyAndLoginsShown() =>
        Read(Development, ("Database:Provider", "Sqlite")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: true, ShowLogins: true));

    [Fact]
    public void Read_DevelopmentNoProviderSet_IsTheEmbeddedDefault() =>
        Read(Development).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: true, ShowLogins: true));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Read_OutsideDevelopmentWithEmbeddedSqlite_NoDemo(string environment) =>
        Read(("environment", environment), ("Database:Provider", "Sqlite")).ShouldBe(new DemoHosting.DemoSettings(false, false, false));

    [Fact]
    public void Read_NoEnvironmentAtAll_IsProductionWithoutDemo() =>
        Read().ShouldBe(new DemoHosting.DemoSettings(false, false, false));

    [Fact]
    public void Read_ProductionAskedToSeed_DemoOnAndCreatedButLoginsNotShown() =>
        Read(Production, ("Demo:SeedOnEmpty", "true")).ShouldBe(new DemoHosting.DemoSettings(true, true, ShowLogins: false));

    [Fact]
    public void Read_ProductionAskedToShowLogins_DemoOnAndLoginsShownButNotCreated() =>
        Read(Production, ("Demo:ShowLogins", "true")).ShouldBe(new DemoHosting.DemoSettings(true, false, ShowLogins: true));

    [Fact]
    public void Read_PostgresInDevelopment_DemoOffUnlessAsked() =>
        Read(Development, ("Database:Provider", "Postgres")).ShouldBe(new DemoHosting.DemoSettings(false, false, false));

    [Fact]
    public void Read_PostgresWithSeedOnEmpty_DemoOnAndCreatedOnEmpty() =>
        Read(Production, ("Database:Provider", "Postgres"), ("Demo:SeedOnEmpty", "true")).ShouldBe(new DemoHosting.DemoSettings(true, true));

    [Fact]
    public void Read_PostgresWithTheSeedDemoCommand_DemoOnForTheCommandOnly() =>
        Read(["seed-demo"], Production, ("Database:Provider", "Postgres")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: false));

    [Fact]
    public void Read_PostgresWithDemoEnabledInDevelopment_DemoOnLoginsShownButNotCreated() =>
        Read(Development, ("Database:Provider", "Postgres"), ("Demo:Enabled", "true")).ShouldBe(new DemoHosting.DemoSettings(true, false, true));

    [Fact]
    public void Read_SqliteWithDemoDisabled_NeitherOnNorCreated() =>
        Read(Development, ("Database:Provider", "Sqlite"), ("Demo:Enabled", "false")).ShouldBe(new DemoHosting.DemoSettings(false, false));

    [Fact]
    public void Read_DevelopmentWithoutSeeding_DemoStaysOn() =>
        Read(Development, ("Demo:SeedOnEmpty", "false")).ShouldBe(new DemoHosting.DemoSettings(Enabled: true, SeedOnEmpty: false, ShowLogins: true));

    [Theory]
    [InlineData("Demo:SeedOnEmpty")]
    [InlineData("Demo:ShowLogins")]
    public void Read_DisabledButAskedForAPart_RefusesToStart(string part) =>
        Should.Throw<InvalidOperationException>(() => Read(("Demo:Enabled", "false"), (part, "true")))
            .Message.ShouldContain("Demo:Enabled=false");

    private static DemoHosting.DemoSettings Read(params (string Key, string Value)[] settings) => Read([], settings);

    private static DemoHosting.DemoSettings Read(string[] args, params (string Key, string Value)[] settings) =>
        DemoHosting.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), args);
}
