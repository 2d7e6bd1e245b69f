using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

public sealed class LogVerifierTests
{
    private const int Size = 96;
    private static readonly long[] CheckpointSizes = [1, 17, 40, 64, 95, Size];

    [Fact]
    public void Verify_UntouchedLog_IsIntact()
    {
        var log = LogBuilder.Log(Size, new Random(1));

        var result = LogVerifier.Verify(log, LogBuilder.Checkpoints(log, CheckpointSizes));

        result.Fault.ShouldBeNull();
        result.IsIntact.ShouldBeTrue();
        result.SignedSize.ShouldBe(Size);
    }

    [Fact]
    public void Verify_EntriesAfterTheLastCheckpoint_AreIntactButNotYetSigned()
    {
        var log = LogBuilder.Log(Size, new Random(2));

        var result = LogVerifier.Verify(log, LogBuilder.Checkpoints(log, 40));

        result.IsIntact.ShouldBeTrue();
        (result.Entries - result.SignedSize).ShouldBe(Size - 40);
    }

    [Fact]
    public void Verify_ContentRemovedByRetention_StillPasses_AndARemovedRowIsStillFound()
    {
        var log = LogBuilder.Log(Size, new Random(3));
        var checkpoints = LogBuilder.Checkpoints(log, CheckpointSizes);
        var retained = log.Select(r => r.Index < 50 ? r with { Entry = null } : r).ToList();

        LogVerifier.Verify(retained, checkpoints).IsIntact.ShouldBeTrue();

        retained.RemoveAt(20);
        var fault = LogVerifier.Verify(retained, checkpoints).Fault!;
        fault.Index.ShouldBe(20);
        fault.Kind.ShouldBe(LogFaultKind.Removed);
    }

    [Fact]
    public void Verify_CheckpointsOfTwoLogs_AreInconsistent()
    {
        var log = LogBuilder.Log(Size, new Random(4));
        var checkpoints = LogBuilder.Checkpoints(log, 10, 20);
        checkpoints[1] = checkpoints[1] with { Origin = "nyckelfri.example/other/audit" };

        LogVerifier.Verify(log, checkpoints).Fault!.Kind.ShouldBe(LogFaultKind.CheckpointsInconsistent);
    }

    [Fact]
    public void Verify_ACheckpointThatIsNotOfThisLog_NamesTheRangeItCovers()
    {
        var log = LogBuilder.Log(Size, new Random(5));
        var checkpoints = LogBuilder.Checkpoints(log, 17, 40);
        checkpoints[1] = checkpoints[1] with { RootHash = MerkleHash.Leaf("forked"u8) };

        var fault = LogVerifier.Verify(log, checkpoints).Fault!;

        fault.Kind.ShouldBe(LogFaultKind.Unidentified);
        (fault.Index, fault.RangeEnd).ShouldBe((17, 40));
    }

    /// <summary>
    /// Thousands of random tamperings of a copy of the log, each the way someone with write access to the table
    /// could make it (seeded: a failure replays). Every one is found, and each names the entry it touched first.
    /// </summary>
    [Fact]
    public void Verify_RandomTamperings_AreAllFound_EachNamingTheEntry()
    {
        var random = new Random(20261208);
        var original = LogBuilder.Log(Size, random);
        var checkpoints = LogBuilder.Checkpoints(original, CheckpointSizes);
        LogVerifier.Verify(original, checkpoints).IsIntact.ShouldBeTrue();
        var counts = new Dictionary<string, int>();

        for (var round = 0; round < 2400; round++)
        {
            var log = original.ToList();
            var (what, index, kind, other) = Tamper(log, random);
            counts[what] = counts.GetValueOrDefault(what) + 1;

            var fault = LogVerifier.Verify(log, checkpoints).Fault;

            fault.ShouldNotBeNull($"round {round}: {what} at {index} was not found");
            fault.Index.ShouldBe(index, $"round {round}: {what} at {index}: {fault.Detail}");
            fault.Kind.ShouldBe(kind, $"round {round}: {what} at {index}: {fault.Detail}");
            if (other is { } o) fault.OtherIndex.ShouldBe(o, $"round {round}: {what}");
        }
        counts.Count.ShouldBe(7, "every kind of tampering was tried");
        counts.Values.ShouldAllBe(n => n > 250);
    }

    /// <summary>
    /// Altering an entry and writing its new leaf hash beside it keeps every row consistent: only the signed roots
    /// catch it. Every such change is found, named by the range between the two checkpoints around it.
    /// </summary>
    [Fact]
    public void Verify_RandomRewritesWithTheirLeafHashes_AreAllFound_WithinTheirCheckpointRange()
    {
        var random = new Random(8122026);
        var original = LogBuilder.Log(Size, random);
        var checkpoints = LogBuilder.Checkpoints(original, CheckpointSizes);

        for (var round = 0; round < 500; round++)
        {
            var log = original.ToList();
            var index = random.Next(Size);
            var entry = (byte[])log[index].Entry!.Clone();
            entry[random.Next(LogEntryEnvelope.HeaderLength, entry.Length)] ^= (byte)random.Next(1, 256);
            log[index] = log[index] with { Entry = entry, LeafHash = MerkleHash.Leaf(entry) };

            var fault = LogVerifier.Verify(log, checkpoints).Fault;

            fault.ShouldNotBeNull($"round {round}: a rewrite at {index} was not found");
            fault.Kind.ShouldBe(LogFaultKind.Unidentified);
            var start = CheckpointSizes.Where(s => s <= index).DefaultIfEmpty(0).Max();
            (fault.Index, fault.RangeEnd).ShouldBe((start, CheckpointSizes.First(s => s > index)), $"round {round}: rewrite at {index}");
        }
    }

    [Fact]
    public void Verify_ARewriteWithItsLeafHash_IsNamedExactly_WhenAThirdPartyKeptTheLeafHashes()
    {
        var original = LogBuilder.Log(Size, new Random(6));
        var checkpoints = LogBuilder.Checkpoints(original, CheckpointSizes);
        var kept = original.Select(r => r.LeafHash).ToList();
        var log = original.ToList();
        var entry = (byte[])log[50].Entry!.Clone();
        entry[^1] ^= 1;
        log[50] = log[50] with { Entry = entry, LeafHash = MerkleHash.Leaf(entry) };

        LogVerifier.Verify(log, checkpoints).Fault!.Kind.ShouldBe(LogFaultKind.Unidentified);
        var fault = LogVerifier.Verify(log, checkpoints, kept).Fault!;
        (fault.Index, fault.Kind).ShouldBe((50, LogFaultKind.Altered));

        var forgedCopy = kept.ToList();
        forgedCopy[45] = MerkleHash.Leaf("not what was signed"u8);
        LogVerifier.Verify(log, checkpoints, forgedCopy).Fault!.Kind.ShouldBe(LogFaultKind.Unidentified, "a copy that does not give the signed root names nothing");
    }

    /// <summary>One random change to <paramref name="log"/>; returns what it did and what the verifier must name.</summary>
    private static (string What, long Index, LogFaultKind Kind, long? Other) Tamper(List<LogRecord> log, Random random)
    {
        var i = random.Next(log.Count);
        switch (random.Next(7))
        {
            case 0:
            {
                var entry = (byte[])log[i].Entry!.Clone();
                entry[random.Next(entry.Length)] ^= (byte)random.Next(1, 256);
                log[i] = log[i] with { Entry = entry };
                return ("alter a byte", i, LogFaultKind.Altered, null);
            }
            case 1:
                log.RemoveAt(i);
                return ("delete a row", i, LogFaultKind.Removed, null);
            case 2:
                log.RemoveAt(i);
                for (var p = i; p < log.Count; p++) log[p] = log[p] with { Index = p };
                return ("delete a row and renumber the rest", i, LogFaultKind.Removed, null);
            case 3:
            {
                var fake = LogBuilder.Entry(i, random);
                log.Insert(i, new LogRecord(i, fake, MerkleHash.Leaf(fake)));
                for (var p = i + 1; p < log.Count; p++) log[p] = log[p] with { Index = p };
                return ("insert a made-up entry and renumber the rest", i, LogFaultKind.Inserted, null);
            }
            case 4:
            {
                var fake = LogBuilder.Entry(i, random);
                log.Insert(i, new LogRecord(i, fake, MerkleHash.Leaf(fake)));
                return ("insert a made-up entry under an existing index", i, LogFaultKind.Inserted, null);
            }
            case 5:
            {
                var (a, b) = TwoIndexes(log.Count, random);
                (log[a], log[b]) = (log[b] with { Index = a }, log[a] with { Index = b });
                return ("swap two rows", a, LogFaultKind.Reordered, b);
            }
            default:
            {
                var (a, b) = TwoIndexes(log.Count, random);
                (log[a], log[b]) = (log[a] with { Entry = log[b].Entry }, log[b] with { Entry = log[a].Entry });
                return ("swap two entries' contents", a, LogFaultKind.Reordered, b);
            }
        }
    }

    private static (int Low, int High) TwoIndexes(int count, Random random)
    {
        var a = random.Next(count);
        int b;
        do b = random.Next(count); while (b == a);
        return (Math.Min(a, b), Math.Max(a, b));
    }
}
