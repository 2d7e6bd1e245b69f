using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// Runs in-process: BenchmarkDotNet 0.14 does not know .NET 10 as a target of its own generated
/// projects, and building one per benchmark would take minutes on a 2-core machine. Adds ops/s,
/// the unit the issue asks for. "--job short" on the command line gives a quick run.
/// </summary>
public sealed class ProtocolBenchmarkConfig : ManualConfig
{
    public ProtocolBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        AddColumn(StatisticColumn.OperationsPerSecond);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
