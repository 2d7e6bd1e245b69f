namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// Where Chromium is, and what happens when it is not there: outside CI the browser tests skip with
/// a reason; with CI=true they run, and the fixture fails them with <see cref="MissingOnCi"/>.
/// </summary>
public static class BrowserAvailability
{
    public const string ExecutableVariable = "NYCKELFRI_CHROMIUM";
    private const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>Debian's Chromium (TOOLCHAIN.md); Playwright's own browser download does not work here.</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : DefaultExecutable;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests skip, or null when they run (Chromium present, or CI).</summary>
    public static string? SkipReason => IsInstalled || OnCi
        ? null
        : $"Chromium is not installed at {ExecutablePath}. Install it with 'apt-get install -y chromium' " +
          $"(or set {ExecutableVariable}); never 'playwright install'. With CI=true these tests fail instead of skipping.";

    public static string MissingOnCi =>
        $"CI=true and Chromium is not installed at {ExecutablePath}: the browser tests cannot run. " +
        $"Install it with 'apt-get install -y chromium' (test.sh does) or set {ExecutableVariable} to its path.";
}

/// <summary>A browser test: skips with a reason outside CI when Chromium is missing (see <see cref="BrowserAvailability"/>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserAvailability.SkipReason;
}
