using BenchmarkDotNet.Running;
using Nyckelfri.Benchmarks;

// In-process always: BenchmarkDotNet 0.14 predates .NET 10, and building a generated project per
// benchmark would take minutes on a 2-core machine. Everything else comes from the command line
// (--filter '*', --job short, ...), see benchmarks/README.md.
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(ProtocolBenchmarkConfig).Assembly).Run(arguments, new ProtocolBenchmarkConfig());
