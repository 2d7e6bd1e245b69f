using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Nyckelfri.Benchmarks;

/// <summary>BenchmarkDotNet's defaults (console, Markdown and CSV reports) plus operations per second, the unit the issue asks for.</summary>
public sealed class ProtocolBenchmarkConfig : ManualConfig
{
    public ProtocolBenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddColumn(StatisticColumn.OperationsPerSecond);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
