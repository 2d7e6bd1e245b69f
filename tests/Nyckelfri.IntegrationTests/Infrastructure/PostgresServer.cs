namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: <c>NYCKELFRI_TEST_POSTGRES</c> holds a connection string
/// to a database on it (normally <c>postgres</c>) as a user who may CREATE DATABASE. Each test
/// database is created on that server and dropped after (see <see cref="TestDatabase"/>).
/// </summary>
public static class PostgresServer
{
    public const string Variable = "NYCKELFRI_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why PostgreSQL tests skip, or null when they run. On CI they always run: a missing server
    /// there must fail the run, not quietly prove nothing.
    /// </summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"PostgreSQL tests need {Variable} (a connection string to a server where the test may CREATE DATABASE); test.sh sets it up."
        : null;

    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set, so the PostgreSQL tests cannot run. On CI (CI=true) they fail instead of skipping: " +
        "run them through test.sh, which starts a throwaway PostgreSQL cluster, or set the variable to a connection " +
        "string such as 'Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres'.");
}
