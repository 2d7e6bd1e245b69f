using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class ReplayTests
{
    [Fact]
    public void Verify_RecordedSuccessfulTranscriptReplayed10000Times_ZeroOpenings()
    {
        using var world = new LockWorld();
        var transcript = world.Answer();
        world.Lock.Verify(transcript).Accepted.ShouldBeTrue();

        var openings = 0;
        var reasons = new HashSet<RefusalReason>();
        for (var i = 0; i < 10_000; i++)
        {
            // The lock keeps issuing fresh challenges to others meanwhile.
            world.Lock.IssueChallenge();
            var result = world.Lock.Verify(transcript);
            if (result.Accepted) openings++;
            reasons.Add(result.Reason);
        }

        openings.ShouldBe(0);
        reasons.ShouldBe([RefusalReason.ChallengeUnknown]);
    }

    [Fact]
    public void Verify_TranscriptRecordedAtOneLockPlayedAtAnother_RefusedChallengeUnknown()
    {
        using var world = new LockWorld();
        using var neighbour = new LockVerifier(new LockConfiguration
        {
            LockId = world.LockId,
            TrustedIssuers = [world.Issuer.Trusted()],
            Clock = world.Clock,
        });
        neighbour.IssueChallenge();

        neighbour.Verify(world.Answer()).Reason.ShouldBe(RefusalReason.ChallengeUnknown);
    }

    [Fact]
    public void Verify_AnswerToChallengeNeverIssued_RefusedChallengeUnknown()
    {
        using var world = new LockWorld();
        var invented = new Challenge(world.LockId, new byte[32], world.Clock.Now);

        var result = world.Lock.Verify(world.Holder.Answer(invented, world.Credential()).Encoded);

        result.Reason.ShouldBe(RefusalReason.ChallengeUnknown);
    }

    [Fact]
    public void Verify_RefusedAttempt_UsesUpTheChallenge()
    {
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var good = world.Holder.Answer(challenge, world.Credential());
        var bad = good.ToArray();
        bad[^1] ^= 0x01;
        world.Lock.Verify(bad).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);

        world.Lock.Verify(good.Encoded).Reason.ShouldBe(RefusalReason.ChallengeUnknown);
    }

    [Fact]
    public void Verify_ChallengePushedOutByNewerOnes_RefusedChallengeUnknown()
    {
        using var world = new LockWorld();
        var early = world.Holder.Answer(world.Lock.IssueChallenge(), world.Credential());
        for (var i = 0; i < 8; i++)
            world.Lock.IssueChallenge();

        world.Lock.Verify(early.Encoded).Reason.ShouldBe(RefusalReason.ChallengeUnknown);
    }
}
