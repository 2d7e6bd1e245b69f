using Nyckelfri.Data;
using Nyckelfri.Demo;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Whether the demo (the demo generator, the demo logins and the emulated lock platform, all in
/// Nyckelfri.Demo) is wired into this host. The one type of the web host that knows the demo project:
/// pages and endpoints see only the application's ports (docs/architecture.md, held by a test).
/// </summary>
public static class DemoHosting
{
    /// <summary>The command that creates the demo in an empty database; asking for it turns the demo on for that run.</summary>
    public const string SeedDemoCommand = "seed-demo";

    /// <summary>
    /// <see cref="Enabled"/>: the demo is wired in. <c>Demo:Enabled</c>; by default on only in the
    /// Development environment with the embedded SQLite database (what <c>dotnet run</c> gives), and
    /// whenever asked for by <c>seed-demo</c> or <c>Demo:SeedOnEmpty=true</c>. <see cref="SeedOnEmpty"/>:
    /// start-up creates the demo in an empty database. <c>Demo:SeedOnEmpty</c>; by default on in
    /// Development with SQLite; never without the demo. <see cref="ShowLogins"/>: the login page lists the
    /// demo logins and their published password. <c>Demo:ShowLogins</c>; by default on in Development
    /// only; never without the demo. Outside Development nothing of the demo happens unless a setting
    /// names it (docs/security.md, production checklist).
    /// </summary>
    public sealed record DemoSettings(bool Enabled, bool SeedOnEmpty, bool ShowLogins = false);

    public static DemoSettings Read(IConfiguration configuration, IReadOnlyList<string> args)
    {
        var embedded = DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite;
        // The host's environment as configured (ASPNETCORE_ENVIRONMENT, launch profile, test host); none is Production.
        var development = string.Equals(configuration[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);
        var enabled = configuration.GetValue<bool?>("Demo:Enabled");
        var seedOnEmpty = configuration.GetValue<bool?>("Demo:SeedOnEmpty");
        var showLogins = configuration.GetValue<bool?>("Demo:ShowLogins");
        if (enabled == false && (seedOnEmpty == true || showLogins == true))
            throw new InvalidOperationException(
                "Demo:SeedOnEmpty=true or Demo:ShowLogins=true asks for the demo, but Demo:Enabled=false leaves it out. Set one of them differently.");
        var asked = args.Count > 0 && args[0] == SeedDemoCommand;
        var byDefault = embedded && development;
        var on = enabled ?? (asked || seedOnEmpty == true || showLogins == true || byDefault);
        return new DemoSettings(on, on && (seedOnEmpty ?? byDefault), on && (showLogins ?? development));
    }

    /// <summary>
    /// Where the emulated locks' key secret lives: <c>Demo:LockSecretFile</c>, by default
    /// <c>demo-lock-keys.secret</c> in the data folder (beside the embedded database), never in the database.
    /// </summary>
    public static string LockSecretFile(IConfiguration configuration) =>
        configuration["Demo:LockSecretFile"] is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : Path.Combine(Path.GetFullPath(configuration["Database:DataFolder"]
                ?? Path.Combine(configuration[HostDefaults.ContentRootKey] ?? ".", "data")), "demo-lock-keys.secret");

    /// <summary>Reads the demo's settings, makes them available to the start-up tasks and wires the demo in when it is on.</summary>
    public static IServiceCollection AddNyckelfriDemoWhenEnabled(this IServiceCollection services, IConfiguration configuration,
        IReadOnlyList<string> args)
    {
        var settings = Read(configuration, args);
        services.AddSingleton(settings);
        return settings.Enabled ? services.AddNyckelfriDemo(LockSecretFile(configuration)) : services;
    }
}
