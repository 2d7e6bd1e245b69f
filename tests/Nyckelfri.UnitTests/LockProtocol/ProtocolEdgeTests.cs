using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// The edges an independent implementation tripped on (issue 12, item 8), each decided once and held
/// here: one encoding per signature (low-S), the 12 h rule to the second, the lock's clock bounding
/// the challenge, and which responses use up a nonce.
/// </summary>
public class ProtocolEdgeTests
{
    [Fact]
    public void Sign_AHundredCredentials_AllLowS()
    {
        using var world = new LockWorld();

        for (var i = 0; i < 100; i++)
            P256.IsLowS(world.Credential().Signature).ShouldBeTrue();
    }

    [Fact]
    public void Verify_CredentialWithTheHighSTwinOfItsSignature_IssuerSignatureInvalid()
    {
        using var world = new LockWorld();
        var bytes = world.Credential().ToArray();
        P256.Malleate(bytes.AsSpan(bytes.Length - 64)).CopyTo(bytes, bytes.Length - 64);
        Credential.TryDecode(bytes, out var twin, out _).ShouldBeTrue();

        world.Open(twin).Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [Fact]
    public void Verify_ResponseWithTheHighSTwinOfItsSignature_HolderSignatureInvalid()
    {
        using var world = new LockWorld();
        var response = world.Answer();
        P256.Malleate(response.AsSpan(response.Length - 64)).CopyTo(response, response.Length - 64);

        world.Lock.Verify(response).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
    }

    [Theory]
    [InlineData(43_199, RefusalReason.None)]
    [InlineData(43_200, RefusalReason.ValidityTooLong)]
    public void Verify_UntilMinusFrom_AcceptedUpTo43199Seconds(int seconds, RefusalReason expected)
    {
        // Built by hand with the issuer's key: the issuer itself never signs more than 43,199 s.
        using var world = new LockWorld();
        var bytes = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, Guid.NewGuid(), world.EmployeeId,
            world.Holder.PublicKey, world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart.AddSeconds(seconds));
        Credential.TryDecode(bytes, out var credential, out _).ShouldBeTrue();

        world.Open(credential).Reason.ShouldBe(expected);
        Protocol.MaxValiditySeconds.ShouldBe(43_199);
    }

    [Theory]
    [InlineData(30, RefusalReason.None)]
    [InlineData(31, RefusalReason.ChallengeExpired)]
    public void Verify_ChallengeLifetime_IsMeasuredOnTheLocksOwnClock(int secondsLater, RefusalReason expected)
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var response = world.Holder.Answer(challenge, world.Credential()).ToArray();

        world.Clock.Advance(TimeSpan.FromSeconds(secondsLater));

        world.Lock.Verify(response).Reason.ShouldBe(expected);
    }

    [Fact]
    public void Verify_AResponseThatDoesNotParse_UsesNoNonce_ThenTheRealAnswerOpens()
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var response = world.Holder.Answer(challenge, world.Credential()).ToArray();

        world.Lock.Verify([.. response, 0x00]).Reason.ShouldBe(RefusalReason.Malformed);

        world.Lock.Verify(response).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Verify_AParsedResponseThatIsRefused_UsesUpItsNonce()
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var response = world.Holder.Answer(challenge, world.Credential()).ToArray();
        var bad = (byte[])response.Clone();
        bad[^1] ^= 0x01;

        world.Lock.Verify(bad).Accepted.ShouldBeFalse();

        world.Lock.Verify(response).Reason.ShouldBe(RefusalReason.ChallengeUnknown);
    }

    [Fact]
    public void Decode_CredentialWithAHolderKeyNotStartingWith04_MalformedAtParseTime()
    {
        using var world = new LockWorld();
        var bytes = world.Credential().ToArray();
        bytes[1 + 1 + 16 + 1 + world.Issuer.KeyId.Length + 16] = 0x02; // first byte of the holder key

        Credential.TryDecode(bytes, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void Verify_CredentialWithAHolderKeyOffTheCurve_MalformedAtStep7()
    {
        using var world = new LockWorld();
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 1;
        var bytes = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, Guid.NewGuid(), world.EmployeeId,
            offCurve, world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart.AddHours(1));
        Credential.TryDecode(bytes, out var credential, out _).ShouldBeTrue();
        var challenge = world.Lock.IssueChallenge();
        var response = DocumentedFormat.Response(world.HolderKey, world.LockId, challenge.Nonce.ToArray(), bytes);

        world.Lock.Verify(response).Reason.ShouldBe(RefusalReason.Malformed);
        credential.ShouldNotBeNull();
    }
}
