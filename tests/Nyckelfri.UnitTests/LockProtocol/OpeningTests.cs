using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class OpeningTests
{
    [Fact]
    public void Verify_ValidCredentialInsideWindow_Accepted()
    {
        using var world = new LockWorld();
        var credential = world.Credential();

        var result = world.Open(credential);

        result.Accepted.ShouldBeTrue();
        result.Reason.ShouldBe(RefusalReason.None);
        result.Credential!.CredentialId.ShouldBe(credential.CredentialId);
        result.Credential.EmployeeId.ShouldBe(world.EmployeeId);
    }

    [Fact]
    public void Verify_BreakGlassCredential_AcceptedAndMarked()
    {
        using var world = new LockWorld();

        var result = world.Open(world.Credential(validity: TimeSpan.FromMinutes(30), kind: CredentialKind.BreakGlass));

        result.Accepted.ShouldBeTrue();
        result.Credential!.Kind.ShouldBe(CredentialKind.BreakGlass);
    }

    [Fact]
    public void Verify_CredentialForAnotherLock_RefusedWrongLock()
    {
        using var world = new LockWorld();

        var result = world.Open(world.Credential(lockId: Guid.CreateVersion7()));

        result.Reason.ShouldBe(RefusalReason.WrongLock);
    }

    [Fact]
    public void Verify_AfterWindowAndSkew_RefusedExpired()
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        world.Clock.Now = LockWorld.ShiftStart + LockWorld.Shift + TimeSpan.FromHours(1);

        world.Open(credential).Reason.ShouldBe(RefusalReason.Expired);
    }

    [Fact]
    public void Verify_BeforeWindowAndSkew_RefusedNotYetValid()
    {
        using var world = new LockWorld();
        var credential = world.Credential(from: LockWorld.ShiftStart.AddHours(2));
        world.Clock.Now = LockWorld.ShiftStart;

        world.Open(credential).Reason.ShouldBe(RefusalReason.NotYetValid);
    }

    [Theory]
    [InlineData(-120, RefusalReason.None)]
    [InlineData(-121, RefusalReason.NotYetValid)]
    [InlineData(0, RefusalReason.None)]
    public void Verify_LockClockAroundWindowStart_AcceptedWithin120Seconds(int secondsFromStart, RefusalReason expected)
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        world.Clock.Now = credential.ValidFrom.AddSeconds(secondsFromStart);

        world.Open(credential).Reason.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, RefusalReason.None)]
    [InlineData(120, RefusalReason.None)]
    [InlineData(121, RefusalReason.Expired)]
    public void Verify_LockClockAroundWindowEnd_AcceptedWithin120Seconds(int secondsAfterEnd, RefusalReason expected)
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        world.Clock.Now = credential.ValidUntil.AddSeconds(secondsAfterEnd);

        world.Open(credential).Reason.ShouldBe(expected);
    }

    [Fact]
    public void Verify_FractionOfASecondPastTheSkew_StillTheSameSecondAccepted()
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        world.Clock.Now = credential.ValidUntil.AddSeconds(120.9);

        world.Open(credential).Accepted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 1, RefusalReason.Expired)]
    [InlineData(0, 0, RefusalReason.None)]
    [InlineData(300, 300, RefusalReason.None)]
    [InlineData(300, 301, RefusalReason.Expired)]
    public void Verify_ConfiguredSkew_ReplacesTheDefault(int skewSeconds, int secondsAfterEnd, RefusalReason expected)
    {
        using var world = new LockWorld(TimeSpan.FromSeconds(skewSeconds));
        var credential = world.Credential();
        world.Clock.Now = credential.ValidUntil.AddSeconds(secondsAfterEnd);

        world.Open(credential).Reason.ShouldBe(expected);
    }

    [Fact]
    public void Verify_CredentialFromUntrustedIssuer_RefusedUntrustedIssuer()
    {
        using var world = new LockWorld();
        using var otherKey = P256.CreateKey();
        var stranger = new Issuer("somebody-else", otherKey);
        var credential = stranger.Issue(world.EmployeeId, world.Holder.PublicKey, world.LockId,
            LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        world.Open(credential).Reason.ShouldBe(RefusalReason.UntrustedIssuer);
    }

    [Fact]
    public void Verify_UntrustedKeyUsingTrustedKeyId_RefusedIssuerSignatureInvalid()
    {
        using var world = new LockWorld();
        using var otherKey = P256.CreateKey();
        var impostor = new Issuer(world.Issuer.KeyId, otherKey);
        var credential = impostor.Issue(world.EmployeeId, world.Holder.PublicKey, world.LockId,
            LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        world.Open(credential).Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [Fact]
    public void Verify_SecondTrustedIssuerKey_Accepted()
    {
        using var world = new LockWorld();
        using var nextKey = P256.CreateKey();
        var next = new Issuer("linkoping-2027-1", nextKey);
        using var verifier = new LockVerifier(new LockConfiguration
        {
            LockId = world.LockId,
            TrustedIssuers = [world.Issuer.Trusted(), next.Trusted()],
            Clock = world.Clock,
        });
        var credential = next.Issue(world.EmployeeId, world.Holder.PublicKey, world.LockId,
            LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        verifier.Verify(world.Holder.Answer(verifier.IssueChallenge(), credential).Encoded).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Verify_MorePhonesThanTheLockRemembers_EachOpensWithItsOwnKeyOnly()
    {
        using var world = new LockWorld();
        var phoneKeys = Enumerable.Range(0, 20).Select(_ => P256.CreateKey()).ToList();
        try
        {
            for (var round = 0; round < 2; round++)
                for (var i = 0; i < phoneKeys.Count; i++)
                {
                    var phone = new Holder(phoneKeys[i]);
                    var credential = world.Issuer.Issue(world.EmployeeId, phone.PublicKey, world.LockId,
                        LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);
                    var challenge = world.Lock.IssueChallenge();
                    var byNeighbour = Response.Sign(phoneKeys[(i + 1) % phoneKeys.Count], world.LockId, challenge.Nonce, credential);

                    world.Lock.Verify(byNeighbour.Encoded).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
                    world.Lock.Verify(phone.Answer(world.Lock.IssueChallenge(), credential).Encoded).Accepted.ShouldBeTrue();
                }
        }
        finally
        {
            phoneKeys.ForEach(k => k.Dispose());
        }
    }

    [Fact]
    public void Verify_ChallengeAnsweredTooLate_RefusedChallengeExpired()
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var response = world.Holder.Answer(challenge, world.Credential());
        world.Clock.Advance(Protocol.DefaultChallengeLifetime + TimeSpan.FromSeconds(1));

        world.Lock.Verify(response.Encoded).Reason.ShouldBe(RefusalReason.ChallengeExpired);
    }

    [Fact]
    public void Verify_ChallengeAnsweredAtItsLastMoment_Accepted()
    {
        using var world = new LockWorld();
        var response = world.Holder.Answer(world.Lock.IssueChallenge(), world.Credential());
        world.Clock.Advance(Protocol.DefaultChallengeLifetime);

        world.Lock.Verify(response.Encoded).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Verify_TwoOpenChallengesAnsweredInReverseOrder_BothAccepted()
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        var first = world.Holder.Answer(world.Lock.IssueChallenge(), credential);
        var second = world.Holder.Answer(world.Lock.IssueChallenge(), credential);

        world.Lock.Verify(second.Encoded).Accepted.ShouldBeTrue();
        world.Lock.Verify(first.Encoded).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void IssueChallenge_Twice_FreshNonceOfAtLeast16Bytes()
    {
        using var world = new LockWorld();

        var first = world.Lock.IssueChallenge();
        var second = world.Lock.IssueChallenge();

        first.Nonce.Length.ShouldBeGreaterThanOrEqualTo(16);
        first.Nonce.SequenceEqual(second.Nonce).ShouldBeFalse();
        first.LockId.ShouldBe(world.LockId);
        first.LockTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(world.Clock.Now.ToUnixTimeSeconds()));
    }

    [Fact]
    public void Challenge_EncodeDecode_SameFields()
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();

        Challenge.TryDecode(challenge.Encode(), out var decoded, out _).ShouldBeTrue();

        decoded!.LockId.ShouldBe(challenge.LockId);
        decoded.Nonce.SequenceEqual(challenge.Nonce).ShouldBeTrue();
        decoded.LockTime.ShouldBe(challenge.LockTime);
    }

    [Fact]
    public void SwedishText_EveryReason_HasItsOwnText()
    {
        var texts = Enum.GetValues<RefusalReason>().Select(RefusalReasonTexts.Swedish).ToList();

        texts.ShouldAllBe(t => t != "Okänt skäl.");
        texts.Distinct().Count().ShouldBe(texts.Count);
    }
}
