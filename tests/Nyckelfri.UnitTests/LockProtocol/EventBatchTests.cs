using System.Buffers.Binary;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>Protocol v2's signed, hash-chained event batches: encoding, decoding and the checks that name the event at fault.</summary>
public sealed class EventBatchTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _lockKey = P256.CreateKey();
    private readonly Guid _lockId = Guid.CreateVersion7();

    public void Dispose() => _lockKey.Dispose();

    private (EventChain Chain, List<ChainedEvent> Events) History(int count, long lastSequence = 0, byte[]? lastHash = null)
    {
        var chain = new EventChain(_lockId, _lockKey, lastSequence, lastHash);
        var events = new List<ChainedEvent>();
        for (var i = 0; i < count; i++)
            events.Add(chain.Append(s => new LockEvent(_lockId, s, At.AddMinutes(s), s % 3 == 0 ? LockEventKind.Refused : LockEventKind.Opened,
                s % 3 == 0 ? RefusalReason.Expired : RefusalReason.None, Guid.NewGuid(), Guid.NewGuid(), CredentialKind.Normal)));
        return (chain, events);
    }

    [Fact]
    public void Sign_ThenDecodeAndCheck_ValidWithEveryFieldBack()
    {
        var (chain, events) = History(5);
        events.Add(chain.Append(s => new LockEvent(_lockId, s, At, LockEventKind.RevocationListApplied, RevocationListVersion: 7)));
        events.Add(chain.Append(s => new LockEvent(_lockId, s, At, LockEventKind.BatteryLow, BatteryPercent: 19)));

        var encoded = chain.Sign(events).ToArray();

        EventBatch.TryDecode(encoded, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(EventBatchCheck.Valid);
        batch.Events.Select(e => e.Event).ShouldBe(events.Select(e => e.Event));
        batch.Events[0].PreviousHash.ShouldBe(Protocol.ChainStart.ToArray());
        encoded.Length.ShouldBe(20 + (7 * 93) + 32 + 64);
        P256.IsLowS(batch.Signature).ShouldBeTrue();
    }

    [Fact]
    public void Check_SignedWithAnotherKey_SignatureInvalid()
    {
        var (chain, events) = History(3);
        EventBatch.TryDecode(chain.Sign(events).ToArray(), out var batch, out _);
        using var other = P256.CreateKey();

        batch!.Check(_lockId, other).Fault.ShouldBe(EventBatchFault.SignatureInvalid);
        batch.Check(Guid.NewGuid(), _lockKey).Fault.ShouldBe(EventBatchFault.WrongLock);
    }

    [Fact]
    public void Check_HighSSignature_SignatureInvalid()
    {
        var (chain, events) = History(2);
        var encoded = chain.Sign(events).ToArray();
        P256.Malleate(encoded.AsSpan(encoded.Length - 64)).CopyTo(encoded, encoded.Length - 64);

        EventBatch.TryDecode(encoded, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).Fault.ShouldBe(EventBatchFault.SignatureInvalid);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Check_OneEventAltered_AlteredNamingIt(long sequence)
    {
        var (chain, events) = History(5);
        var encoded = chain.Sign(events).ToArray();
        encoded[Offset(sequence) + 16] ^= 0x04; // the kind byte (Opened ↔ BatteryLow, Refused ↔ BatteryReplaced)

        EventBatch.TryDecode(encoded, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(new EventBatchCheck(EventBatchFault.Altered, sequence));
    }

    [Fact]
    public void Check_OneEventRemoved_MissingNamingIt()
    {
        var (chain, events) = History(5);
        var encoded = chain.Sign(events).ToArray();
        var removed = encoded[..Offset(3)].Concat(encoded[Offset(4)..]).ToArray();
        removed[19] = 4;

        EventBatch.TryDecode(removed, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(new EventBatchCheck(EventBatchFault.Missing, 3));
    }

    [Fact]
    public void Check_TwoEventsSwapped_OutOfOrderNamingTheEarlierOne()
    {
        var (chain, events) = History(5);
        var encoded = chain.Sign(events).ToArray();
        var swapped = (byte[])encoded.Clone();
        encoded.AsSpan(Offset(2), 93).CopyTo(swapped.AsSpan(Offset(3)));
        encoded.AsSpan(Offset(3), 93).CopyTo(swapped.AsSpan(Offset(2)));

        EventBatch.TryDecode(swapped, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(new EventBatchCheck(EventBatchFault.OutOfOrder, 2));
    }

    [Fact]
    public void Check_AnEventInsertedAndTheRestRenumbered_AlteredNamingTheInsertedOne()
    {
        var (chain, events) = History(4);
        var encoded = chain.Sign(events).ToArray();
        // A well-linked record of the forger's own after event 2 (the lock's signature is kept).
        var forger = new EventChain(_lockId, _lockKey, 2, events[1].Hash);
        var record = forger.Sign([forger.Append(s => new LockEvent(_lockId, s, At, LockEventKind.Opened))]).Encoded.Slice(20, 93).ToArray();
        var inserted = encoded[..Offset(3)].Concat(record).Concat(encoded[Offset(3)..]).ToArray();
        for (long k = 4; k <= 5; k++) BinaryPrimitives.WriteInt64BigEndian(inserted.AsSpan(Offset(k)), k);
        inserted[19] = 5;

        EventBatch.TryDecode(inserted, out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(new EventBatchCheck(EventBatchFault.Altered, 3));
    }

    [Fact]
    public void Check_FirstEventOfTheLockNotFromTheChainStart_ChainStartInvalid()
    {
        var (chain, events) = History(2, lastSequence: 0, lastHash: SHA256.HashData("elsewhere"u8));

        EventBatch.TryDecode(chain.Sign(events).ToArray(), out var batch, out _).ShouldBeTrue();
        batch!.Check(_lockId, _lockKey).ShouldBe(new EventBatchCheck(EventBatchFault.ChainStartInvalid, 1));
    }

    [Fact]
    public void Sign_ARunFromTheMiddle_ValidAndLinkedToTheEventBefore()
    {
        var (chain, events) = History(10);

        EventBatch.TryDecode(chain.Sign(events.GetRange(4, 3)).ToArray(), out var batch, out _).ShouldBeTrue();

        batch!.Check(_lockId, _lockKey).IsValid.ShouldBeTrue();
        (batch.FirstSequence, batch.LastSequence).ShouldBe((5L, 7L));
        batch.Events[0].PreviousHash.ShouldBe(events[3].Hash);
    }

    [Fact]
    public void Decode_OtherVersion_UnsupportedVersion()
    {
        var (chain, events) = History(1);
        var encoded = chain.Sign(events).ToArray();
        encoded[1] = 1;

        EventBatch.TryDecode(encoded, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(RefusalReason.UnsupportedVersion);
    }

    public static TheoryData<string> Malformations() =>
        ["truncated", "trailing", "count-zero", "count-too-high", "count-mismatch", "absent-field-set", "unknown-flag", "battery-101", "sequence-zero",
            "time-negative", "kind-zero", "credential-kind-unknown"];

    [Theory]
    [MemberData(nameof(Malformations))]
    public void Decode_Malformed_RefusedWithoutException(string malformation)
    {
        var (chain, events) = History(2);
        var bytes = chain.Sign(events).ToArray();
        var first = Offset(1);
        switch (malformation)
        {
            case "truncated": bytes = bytes[..^1]; break;
            case "trailing": bytes = [.. bytes, 0]; break;
            case "count-zero": bytes[18] = 0; bytes[19] = 0; break;
            case "count-too-high": bytes[18] = 0x03; bytes[19] = 0xE9; break; // 1001
            case "count-mismatch": bytes[19] = 3; break;
            case "absent-field-set": bytes[first + 18] &= 0xFE; break; // credential id present in the bytes, flag cleared
            case "unknown-flag": bytes[first + 18] |= 0x20; break;
            case "battery-101": bytes[first + 18] |= 0x10; bytes[first + 60] = 101; break;
            case "sequence-zero": bytes.AsSpan(first, 8).Clear(); break;
            case "time-negative": bytes[first + 8] = 0xFF; break;
            case "kind-zero": bytes[first + 16] = 0; break;
            default: bytes[first + 51] = 9; break;
        }

        EventBatch.TryDecode(bytes, out var batch, out var reason).ShouldBeFalse();
        batch.ShouldBeNull();
        reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void Decode_TenThousandRandomAndMutatedInputs_NeverThrows()
    {
        var (chain, events) = History(3);
        var valid = chain.Sign(events).ToArray();
        var random = new Random(12);
        for (var i = 0; i < 10_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = (byte[])valid.Clone();
                for (var flips = random.Next(1, 6); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            else
            {
                bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                if (bytes.Length > 2) (bytes[0], bytes[1]) = (0x05, 0x02);
            }
            if (EventBatch.TryDecode(bytes, out var batch, out _))
                _ = batch.Check(_lockId, _lockKey);
        }
    }

    private static int Offset(long sequence) => 20 + ((int)(sequence - 1) * 93);
}
