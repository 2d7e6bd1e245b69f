using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class MalformedInputTests
{
    [Fact]
    public void Verify_Empty_RefusedMalformed()
    {
        using var world = new LockWorld();

        world.Lock.Verify([]).Reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void Verify_EveryTruncationOfAValidResponse_RefusedMalformed()
    {
        using var world = new LockWorld();
        var response = world.Answer();

        for (var length = 0; length < response.Length; length++)
            world.Lock.Verify(response.AsSpan(0, length)).Reason.ShouldBe(RefusalReason.Malformed, $"length {length}");
    }

    [Fact]
    public void Verify_TrailingByte_RefusedMalformed()
    {
        using var world = new LockWorld();

        world.Lock.Verify([.. world.Answer(), 0]).Reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void Verify_RandomBytes_RefusedNeverThrows()
    {
        using var world = new LockWorld();
        var random = new Random(5);
        var valid = world.Answer();

        for (var i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            // Half of them start like a real response, so the parser gets past the header.
            if (i % 2 == 0 && bytes.Length > 4)
                valid.AsSpan(0, Math.Min(valid.Length, random.Next(2, bytes.Length))).CopyTo(bytes);

            world.Lock.Verify(bytes).Accepted.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x01 })]
    [InlineData(new byte[] { 0x03, 0x09 })]
    [InlineData(new byte[] { 0x03, 0x01, 0xFF })]
    [InlineData(new byte[] { 0x03, 0x01, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF })]
    public void Verify_ShortOrWrongHeader_RefusedWithoutException(byte[] bytes)
    {
        using var world = new LockWorld();

        var result = world.Lock.Verify(bytes);

        result.Reason.ShouldBeOneOf(RefusalReason.Malformed, RefusalReason.UnsupportedVersion);
    }

    [Fact]
    public void Verify_HolderKeyNotOnTheCurve_RefusedNeverThrows()
    {
        using var world = new LockWorld();
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 7;
        var credential = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, Guid.NewGuid(), world.EmployeeId,
            offCurve, world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);
        var nonce = world.Lock.IssueChallenge().Nonce.ToArray();
        using var anyKey = P256.CreateKey();

        var result = world.Lock.Verify(DocumentedFormat.Response(anyKey, world.LockId, nonce, credential));

        result.Reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void ApplyRevocationList_RandomBytes_RefusedNeverThrows()
    {
        using var world = new LockWorld();
        var random = new Random(7);
        var valid = world.Issuer.IssueRevocationList(1, world.Clock.Now, [Guid.NewGuid()]).ToArray();

        for (var i = 0; i < 2_000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 4)
                valid.AsSpan(0, Math.Min(valid.Length, random.Next(2, bytes.Length))).CopyTo(bytes);

            world.Lock.ApplyRevocationList(bytes).Applied.ShouldBeFalse();
        }
        world.Lock.RevocationListVersion.ShouldBe(0);
    }

    [Fact]
    public void DecodeRevocationList_HugeEntryCount_MalformedWithoutAllocating()
    {
        byte[] bytes = [0x04, 0x02, 1, (byte)'k', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF];

        RevocationList.TryDecode(bytes, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(RefusalReason.Malformed);
    }
}
