using BenchmarkDotNet.Running;
using Nyckelfri.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ProtocolBenchmarkConfig).Assembly).Run(args, new ProtocolBenchmarkConfig());
