namespace Nyckelfri.LockProtocol;

/// <summary>An inclusive run of sequence numbers.</summary>
public readonly record struct SequenceRange(long First, long Last)
{
    public long Count => Last - First + 1;

    public override string ToString() => First == Last ? $"{First}" : $"{First}–{Last}";
}

/// <summary>What one uploaded batch meant: the events to store, the ones already stored, and what is still missing.</summary>
public sealed record SequenceBatchResult(
    IReadOnlyList<long> New,
    IReadOnlyList<long> Duplicates,
    IReadOnlyList<long> Invalid,
    IReadOnlyList<SequenceRange> Gaps)
{
    public bool HasGaps => Gaps.Count > 0;
}

/// <summary>
/// The sequence numbers seen from one lock, kept as merged ranges. Given a batch, it tells which
/// numbers are new (store them), which were seen before or twice in the batch (a re-upload: store
/// nothing), and which numbers below the highest seen are missing (a gap: raise an alert, the
/// events may still come from another phone). Not thread-safe: one per lock, under the caller's lock.
/// </summary>
public sealed class SequenceTracker
{
    private readonly List<SequenceRange> _seen = [];

    /// <param name="firstExpected">The lock's first number: 1 for a new lock, later for one whose earlier events are accounted for.</param>
    public SequenceTracker(long firstExpected = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstExpected, 1);
        FirstExpected = firstExpected;
    }

    /// <summary>A tracker that has already seen these numbers (as stored by the server).</summary>
    public SequenceTracker(IEnumerable<long> seen, long firstExpected = 1) : this(firstExpected)
    {
        ArgumentNullException.ThrowIfNull(seen);
        foreach (var sequence in seen)
            if (sequence >= firstExpected)
                Add(sequence);
    }

    public long FirstExpected { get; }

    /// <summary>0 before anything was seen.</summary>
    public long Highest => _seen.Count == 0 ? 0 : _seen[^1].Last;

    public IReadOnlyList<SequenceRange> Seen => _seen;

    /// <summary>The missing runs from <see cref="FirstExpected"/> up to <see cref="Highest"/>.</summary>
    public IReadOnlyList<SequenceRange> Gaps
    {
        get
        {
            var gaps = new List<SequenceRange>();
            var next = FirstExpected;
            foreach (var range in _seen)
            {
                if (range.First > next)
                    gaps.Add(new SequenceRange(next, range.First - 1));
                next = range.Last + 1;
            }
            return gaps;
        }
    }

    public bool Contains(long sequence)
    {
        var index = IndexAtOrBefore(sequence);
        return index >= 0 && _seen[index].Last >= sequence;
    }

    public SequenceBatchResult Record(IEnumerable<long> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var fresh = new List<long>();
        var duplicates = new List<long>();
        var invalid = new List<long>();
        foreach (var sequence in batch)
        {
            if (sequence < FirstExpected)
                invalid.Add(sequence);
            else if (Add(sequence))
                fresh.Add(sequence);
            else
                duplicates.Add(sequence);
        }
        return new SequenceBatchResult(fresh, duplicates, invalid, Gaps);
    }

    /// <summary>False if already seen.</summary>
    private bool Add(long sequence)
    {
        // The usual case: the next number after everything seen.
        if (_seen.Count > 0 && _seen[^1].Last == sequence - 1)
        {
            _seen[^1] = _seen[^1] with { Last = sequence };
            return true;
        }

        var index = IndexAtOrBefore(sequence);
        if (index >= 0 && _seen[index].Last >= sequence)
            return false;

        var joinsBefore = index >= 0 && _seen[index].Last == sequence - 1;
        var joinsAfter = index + 1 < _seen.Count && _seen[index + 1].First == sequence + 1;
        if (joinsBefore && joinsAfter)
        {
            _seen[index] = new SequenceRange(_seen[index].First, _seen[index + 1].Last);
            _seen.RemoveAt(index + 1);
        }
        else if (joinsBefore)
            _seen[index] = _seen[index] with { Last = sequence };
        else if (joinsAfter)
            _seen[index + 1] = _seen[index + 1] with { First = sequence };
        else
            _seen.Insert(index + 1, new SequenceRange(sequence, sequence));
        return true;
    }

    /// <summary>The last range that starts at or before the number; −1 if none does.</summary>
    private int IndexAtOrBefore(long sequence)
    {
        int low = 0, high = _seen.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_seen[middle].First <= sequence)
            {
                found = middle;
                low = middle + 1;
            }
            else
                high = middle - 1;
        }
        return found;
    }
}
