using Nyckelfri.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>A test that runs on PostgreSQL only; skips outside CI when no server is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>A theory that runs on PostgreSQL only; skips outside CI when no server is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>
/// A theory over database providers (usually with <see cref="DatabaseProvidersAttribute"/>): every
/// row runs, except that rows for PostgreSQL skip outside CI when no server is configured.
/// </summary>
[XunitTestCaseDiscoverer("Nyckelfri.IntegrationTests.Infrastructure.DatabaseTheoryDiscoverer", "Nyckelfri.IntegrationTests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>Supplies each <see cref="DatabaseProvider"/> as the first argument: SQLite and PostgreSQL.</summary>
public sealed class DatabaseProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) =>
        Enum.GetValues<DatabaseProvider>().Select(provider => new object[] { provider });
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        dataRow.Contains(DatabaseProvider.Postgres) && PostgresServer.SkipReason is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}
