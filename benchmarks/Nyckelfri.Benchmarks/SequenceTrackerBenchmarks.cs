using BenchmarkDotNet.Attributes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// The server's idempotency check on uploaded lock events, per row: batches of 500 in order
/// (the usual sync), the same batches again (a re-upload, all duplicates), and batches arriving in
/// random order with every 97th event lost (two phones syncing the same lock; a dropped event).
/// </summary>
public class SequenceTrackerBenchmarks
{
    private const int BatchSize = 500;
    private const int Batches = 200;
    private const int Rows = BatchSize * Batches;
    private const int LostEvery = 97;
    private const int RowsKept = Rows - (Rows / LostEvery);

    private long[][] _inOrder = [];
    private long[][] _outOfOrderWithHoles = [];
    private SequenceTracker _seenAll = new();

    [GlobalSetup]
    public void Setup()
    {
        _inOrder = [.. Enumerable.Range(1, Rows).Select(i => (long)i).Chunk(BatchSize)];
        _outOfOrderWithHoles = [.. Enumerable.Range(1, Rows).Where(i => i % LostEvery != 0).Select(i => (long)i).Chunk(BatchSize)];
        new Random(1).Shuffle(_outOfOrderWithHoles);
        _seenAll = new SequenceTracker(Enumerable.Range(1, Rows).Select(i => (long)i));
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "Rows in order, new")]
    public int InOrder()
    {
        var tracker = new SequenceTracker();
        var stored = 0;
        foreach (var batch in _inOrder)
            stored += tracker.Record(batch).New.Count;
        return stored;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "Rows re-uploaded, duplicates")]
    public int Reupload()
    {
        var duplicates = 0;
        foreach (var batch in _inOrder)
            duplicates += _seenAll.Record(batch).Duplicates.Count;
        return duplicates;
    }

    [Benchmark(OperationsPerInvoke = RowsKept, Description = "Batches out of order, events lost")]
    public int OutOfOrderWithGaps()
    {
        var tracker = new SequenceTracker();
        var gaps = 0;
        foreach (var batch in _outOfOrderWithHoles)
            gaps += tracker.Record(batch).Gaps.Count;
        return gaps;
    }
}
