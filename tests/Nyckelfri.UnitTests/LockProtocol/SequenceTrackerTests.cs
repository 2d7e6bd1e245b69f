using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class SequenceTrackerTests
{
    [Fact]
    public void Record_FirstBatchInOrder_AllNewNoGaps()
    {
        var tracker = new SequenceTracker();

        var result = tracker.Record([1, 2, 3, 4]);

        result.New.ShouldBe([1, 2, 3, 4]);
        result.Duplicates.ShouldBeEmpty();
        result.HasGaps.ShouldBeFalse();
        tracker.Highest.ShouldBe(4);
    }

    [Fact]
    public void Record_SameBatchTwice_SecondTimeAllDuplicates()
    {
        var tracker = new SequenceTracker();
        tracker.Record([1, 2, 3]);

        var result = tracker.Record([1, 2, 3]);

        result.New.ShouldBeEmpty();
        result.Duplicates.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Record_OverlappingBatch_OnlyTheNewPartNew()
    {
        var tracker = new SequenceTracker();
        tracker.Record([1, 2, 3]);

        var result = tracker.Record([2, 3, 4, 5]);

        result.New.ShouldBe([4, 5]);
        result.Duplicates.ShouldBe([2, 3]);
    }

    [Fact]
    public void Record_NumberTwiceInOneBatch_SecondIsDuplicate()
    {
        var result = new SequenceTracker().Record([1, 2, 2, 3]);

        result.New.ShouldBe([1, 2, 3]);
        result.Duplicates.ShouldBe([2]);
    }

    [Fact]
    public void Record_MissingNumbers_GapsReported()
    {
        var tracker = new SequenceTracker();

        var result = tracker.Record([1, 2, 5, 6, 9]);

        result.Gaps.ShouldBe([new SequenceRange(3, 4), new SequenceRange(7, 8)]);
    }

    [Fact]
    public void Record_FirstBatchStartsLate_GapFromOne()
    {
        // A lock whose event memory overflowed before anyone synced it.
        var result = new SequenceTracker().Record([16, 17, 18]);

        result.Gaps.ShouldBe([new SequenceRange(1, 15)]);
    }

    [Fact]
    public void Record_LateBatchFillsGap_GapClosed()
    {
        var tracker = new SequenceTracker();
        tracker.Record([1, 2, 6]);

        var result = tracker.Record([5, 3, 4]);

        result.New.ShouldBe([5, 3, 4]);
        result.HasGaps.ShouldBeFalse();
        tracker.Seen.ShouldBe([new SequenceRange(1, 6)]);
    }

    [Fact]
    public void Record_PartlyFilledGap_RestStillReported()
    {
        var tracker = new SequenceTracker();
        tracker.Record([1, 10]);

        var result = tracker.Record([4, 5]);

        result.Gaps.ShouldBe([new SequenceRange(2, 3), new SequenceRange(6, 9)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Record_NumberBelowFirst_Invalid(long sequence)
    {
        var result = new SequenceTracker().Record([sequence, 1]);

        result.Invalid.ShouldBe([sequence]);
        result.New.ShouldBe([1]);
    }

    [Fact]
    public void Constructor_StoredNumbers_DuplicatesAndGapsAgainstThem()
    {
        var tracker = new SequenceTracker([1, 2, 3, 7]);

        var result = tracker.Record([3, 8]);

        result.Duplicates.ShouldBe([3]);
        result.New.ShouldBe([8]);
        result.Gaps.ShouldBe([new SequenceRange(4, 6)]);
    }

    [Fact]
    public void Constructor_FirstExpectedLater_NoGapBeforeIt()
    {
        var tracker = new SequenceTracker(firstExpected: 1001);

        var result = tracker.Record([1001, 1002, 1000]);

        result.HasGaps.ShouldBeFalse();
        result.Invalid.ShouldBe([1000]);
    }

    [Fact]
    public void Record_ShuffledHundredThousandNumbersWithHoles_ExactlyTheHoles()
    {
        var random = new Random(3);
        var numbers = Enumerable.Range(1, 100_000).Select(i => (long)i).Where(i => i % 1000 != 0).ToArray();
        random.Shuffle(numbers);
        var tracker = new SequenceTracker();

        foreach (var batch in numbers.Chunk(500))
            tracker.Record(batch);

        tracker.Gaps.Count.ShouldBe(99);
        tracker.Gaps.ShouldAllBe(g => g.First == g.Last && g.First % 1000 == 0);
        tracker.Contains(999).ShouldBeTrue();
        tracker.Contains(1000).ShouldBeFalse();
    }
}
