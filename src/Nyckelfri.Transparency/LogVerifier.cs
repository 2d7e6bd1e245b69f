namespace Nyckelfri.Transparency;

/// <summary>
/// One stored row of a log, in the order of its <see cref="Index"/> column: the canonical entry (null once
/// retention removed the content) and the leaf hash stored beside it when it was appended.
/// </summary>
public sealed record LogRecord(long Index, byte[]? Entry, byte[] LeafHash);

public enum LogFaultKind
{
    /// <summary>The entry's bytes no longer give the leaf hash stored with it.</summary>
    Altered,

    /// <summary>An entry is missing: a gap in the indexes, entries that now claim the next index, or a log shorter than a checkpoint.</summary>
    Removed,

    /// <summary>An extra entry: two entries claim the same index.</summary>
    Inserted,

    /// <summary>An entry stands where another belongs: it claims (or its bytes hash like) another index.</summary>
    Reordered,

    /// <summary>
    /// The rows read consistently, but the leaf hashes from <see cref="LogFault.Index"/> to <see cref="LogFault.RangeEnd"/> do
    /// not give the root signed for that size: an entry was changed together with its stored leaf hash. The checkpoints
    /// bound where; a kept copy of the leaf hashes (a third party's) names the entry.
    /// </summary>
    Unidentified,

    /// <summary>The signed checkpoints contradict each other (another origin, or no consistency proof between them).</summary>
    CheckpointsInconsistent,
}

/// <summary>What is wrong, and from which entry on: <see cref="Index"/> is the first entry at fault.</summary>
public sealed record LogFault(long Index, LogFaultKind Kind, string Detail)
{
    /// <summary>For <see cref="LogFaultKind.Reordered"/>: the index the entry belongs at.</summary>
    public long? OtherIndex { get; init; }

    /// <summary>For <see cref="LogFaultKind.Unidentified"/>: the checkpoint's size, the end (exclusive) of the range at fault.</summary>
    public long? RangeEnd { get; init; }
}

/// <param name="Entries">Rows read.</param>
/// <param name="SignedSize">The largest checkpoint's size: rows from there on are not yet covered by a signature.</param>
public sealed record LogVerification(long Entries, long SignedSize, LogFault? Fault)
{
    public bool IsIntact => Fault is null;
}

/// <summary>
/// Checks a log against its signed checkpoints (docs/audit-log.md, "Verification"): every row's entry against
/// its stored leaf hash and its place, then the stored leaf hashes against every checkpoint's root and each
/// checkpoint against the one before by a consistency proof. Reports the first entry at fault, and what kind of
/// change it is where the rows tell.
/// </summary>
public static class LogVerifier
{
    /// <param name="checkpoints">Checkpoints already opened with the audit key (<see cref="SignedNote.Open"/>), any order.</param>
    /// <param name="keptLeafHashes">
    /// A copy of the leaf hashes that a third party kept, if there is one: it names the single entry of an
    /// <see cref="LogFaultKind.Unidentified"/> range, provided the copy itself gives the signed root there.
    /// </param>
    public static LogVerification Verify(IReadOnlyList<LogRecord> records, IReadOnlyList<Checkpoint> checkpoints,
        IReadOnlyList<byte[]>? keptLeafHashes = null)
    {
        var result = VerifyRowsAndTree(records, checkpoints);
        if (result.Fault is not { Kind: LogFaultKind.Unidentified, RangeEnd: { } end } fault || keptLeafHashes is null || keptLeafHashes.Count < end)
            return result;
        var signed = checkpoints.First(c => c.Size == end);
        if (!MerkleHash.Root(keptLeafHashes.Take((int)end).ToList()).AsSpan().SequenceEqual(signed.RootHash)) return result;
        for (var p = fault.Index; p < end; p++)
            if (p >= records.Count || !records[(int)p].LeafHash.AsSpan().SequenceEqual(keptLeafHashes[(int)p]))
                return result with
                {
                    Fault = new LogFault(p, LogFaultKind.Altered,
                        $"entry {p} and its stored leaf hash were changed: the kept copy of the leaf hashes, which gives the signed root, differs there"),
                };
        return result;
    }

    private static LogVerification VerifyRowsAndTree(IReadOnlyList<LogRecord> records, IReadOnlyList<Checkpoint> checkpoints)
    {
        var ordered = checkpoints.OrderBy(c => c.Size).ToList();
        var signedSize = ordered.Count == 0 ? 0 : ordered[^1].Size;
        var rowFault = ScanRows(records);
        var treeFault = CheckTree(records, ordered);
        // The earlier of the two names the first entry at fault; a row fault is the more precise at the same place.
        var fault = (rowFault, treeFault) switch
        {
            (null, var t) => t,
            (var r, null) => r,
            var (r, t) => t.Index < r.Index && (t.RangeEnd ?? t.Index + 1) <= r.Index ? t : r,
        };
        return new LogVerification(records.Count, signedSize, fault);
    }

    private static LogFault? ScanRows(IReadOnlyList<LogRecord> records)
    {
        var claimed = new Dictionary<long, int>();
        var storedHashes = new Dictionary<string, int>();
        for (var p = 0; p < records.Count; p++)
        {
            if (records[p].Entry is { } e && LogEntryEnvelope.TryReadHeader(e, out _, out var index)) claimed.TryAdd(index, p);
            storedHashes.TryAdd(Convert.ToHexString(records[p].LeafHash), p);
        }

        for (var p = 0; p < records.Count; p++)
        {
            var record = records[p];
            if (record.Index > p)
                return new LogFault(p, LogFaultKind.Removed, $"no entry has index {p}: the next stored index is {record.Index}");
            if (record.Index < p)
                return new LogFault(record.Index, LogFaultKind.Inserted, $"two entries have index {record.Index}");
            if (record.Entry is not { } entry) continue;

            var hash = MerkleHash.Leaf(entry);
            if (!hash.AsSpan().SequenceEqual(record.LeafHash))
            {
                if (storedHashes.TryGetValue(Convert.ToHexString(hash), out var q) && q != p)
                    return new LogFault(p, LogFaultKind.Reordered, $"entry {p} holds the bytes stored for entry {q}") { OtherIndex = q };
                return new LogFault(p, LogFaultKind.Altered, $"entry {p} does not give its stored leaf hash");
            }
            if (!LogEntryEnvelope.TryReadHeader(entry, out _, out var claims))
                return new LogFault(p, LogFaultKind.Altered, $"entry {p} is not an entry of a known version");
            if (claims > p)
                return claimed.TryGetValue(p, out var elsewhere) && elsewhere > p
                    ? new LogFault(p, LogFaultKind.Reordered, $"entry {p} is the entry of index {claims}; the entry of index {p} is at {elsewhere}") { OtherIndex = claims }
                    : new LogFault(p, LogFaultKind.Removed, $"the entry of index {p} is missing: the entry there is the entry of index {claims}");
            if (claims < p)
                return new LogFault(claims, LogFaultKind.Inserted, $"two entries claim index {claims}: one was inserted before position {p}");
        }
        return null;
    }

    private static LogFault? CheckTree(IReadOnlyList<LogRecord> records, IReadOnlyList<Checkpoint> checkpoints)
    {
        if (checkpoints.Select(c => c.Origin).Distinct().Count() > 1)
            return new LogFault(0, LogFaultKind.CheckpointsInconsistent, "the checkpoints are of more than one log (origin)");
        var leaves = records.Select(r => r.LeafHash).ToList();
        var source = new LeafHashList(leaves);
        var range = new CompactRange();
        long previousSize = 0;
        var previousRoot = MerkleHash.EmptyRoot();
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Size > leaves.Count)
                return new LogFault(leaves.Count, LogFaultKind.Removed,
                    $"the log ends after {leaves.Count} entries, but a checkpoint signed {checkpoint.Size}");
            while (range.Size < checkpoint.Size) range.Append(leaves[(int)range.Size]);
            if (!range.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
                return new LogFault(previousSize, LogFaultKind.Unidentified,
                    $"entries {previousSize} to {checkpoint.Size - 1} do not give the root signed for size {checkpoint.Size}") { RangeEnd = checkpoint.Size };
            var proof = MerkleProofs.Consistency(source, previousSize, checkpoint.Size);
            if (!ProofVerification.VerifyConsistency(previousSize, checkpoint.Size, previousRoot, checkpoint.RootHash, proof))
                return new LogFault(previousSize, LogFaultKind.CheckpointsInconsistent,
                    $"the checkpoint of size {checkpoint.Size} is not consistent with the one of size {previousSize}");
            previousSize = checkpoint.Size;
            previousRoot = checkpoint.RootHash;
        }
        return null;
    }
}
