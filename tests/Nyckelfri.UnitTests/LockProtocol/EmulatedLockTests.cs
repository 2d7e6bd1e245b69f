using Nyckelfri.LockEmulator;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class EmulatedLockTests
{
    [Fact]
    public void Present_ValidResponse_OpensAndLogsOpened()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);
        var credential = world.Credential(lockId: door.LockId);

        var result = door.Present(world.Holder.Answer(door.Challenge(), credential).Encoded);

        result.Opened.ShouldBeTrue();
        result.CredentialId.ShouldBe(credential.CredentialId);
        var logged = door.ReadEvents(0).ShouldHaveSingleItem();
        logged.Kind.ShouldBe(LockEventKind.Opened);
        logged.Sequence.ShouldBe(result.EventSequence);
        logged.EmployeeId.ShouldBe(world.EmployeeId);
    }

    [Fact]
    public void Present_Refused_LogsReasonAndWhose()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);
        var credential = world.Credential();

        var result = door.Present(world.Holder.Answer(door.Challenge(), credential).Encoded);

        result.Reason.ShouldBe(RefusalReason.WrongLock);
        var logged = door.ReadEvents(0).ShouldHaveSingleItem();
        logged.Kind.ShouldBe(LockEventKind.Refused);
        logged.Reason.ShouldBe(RefusalReason.WrongLock);
        logged.CredentialId.ShouldBe(credential.CredentialId);
    }

    [Fact]
    public void Present_MalformedBytes_RefusedAndLogged()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);

        door.Present([1, 2, 3]).Reason.ShouldBe(RefusalReason.Malformed);

        door.ReadEvents(0).ShouldHaveSingleItem().Reason.ShouldBe(RefusalReason.Malformed);
    }

    [Fact]
    public void ReadEvents_MoreEventsThanTheRingHolds_NewestKeptGapFreeAndLossShowsAsGap()
    {
        using var world = new LockWorld();
        using var door = NewLock(world, o => new EmulatedLockOptions
        {
            LockId = o.LockId, TrustedIssuers = o.TrustedIssuers, EventCapacity = 10,
        });
        for (var i = 0; i < 25; i++)
            door.Present([0xFF]);

        var kept = door.ReadEvents(0);

        kept.Select(e => e.Sequence).ShouldBe([.. Enumerable.Range(16, 10).Select(i => (long)i)]);
        door.Status().OldestRetainedSequence.ShouldBe(16);
        door.Status().LastEventSequence.ShouldBe(25);
        new SequenceTracker().Record(kept.Select(e => e.Sequence)).Gaps.ShouldBe([new SequenceRange(1, 15)]);
    }

    [Fact]
    public void ReadEvents_AfterSequence_OnlyLaterEventsAndNothingRemoved()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);
        for (var i = 0; i < 5; i++)
            door.Present([0xFF]);

        door.ReadEvents(3).Select(e => e.Sequence).ShouldBe([4, 5]);
        door.ReadEvents(5).ShouldBeEmpty();
        door.ReadEvents(0).Count.ShouldBe(5);
    }

    [Fact]
    public void Present_OpeningsDrainBattery_LowLoggedOnceThenDepletedRefuses()
    {
        using var world = new LockWorld();
        using var door = NewLock(world, o => new EmulatedLockOptions
        {
            LockId = o.LockId, TrustedIssuers = o.TrustedIssuers,
            BatteryPercent = 35, DrainPerOpening = 10, DrainPerChallenge = 0, LowBatteryPercent = 20,
        });
        var credential = world.Credential(lockId: door.LockId);
        OpenResult Open() => door.Present(world.Holder.Answer(door.Challenge(), credential).Encoded);

        Open().Opened.ShouldBeTrue();
        door.Status().BatteryLow.ShouldBeFalse();
        Open().Opened.ShouldBeTrue();
        Open().Opened.ShouldBeTrue();
        var last = Open();

        last.Reason.ShouldBe(RefusalReason.BatteryDepleted);
        door.Status().BatteryPercent.ShouldBe(5);
        door.Status().BatteryLow.ShouldBeTrue();
        door.ReadEvents(0).Select(e => e.Kind).ShouldBe(
            [LockEventKind.Opened, LockEventKind.Opened, LockEventKind.BatteryLow, LockEventKind.Opened, LockEventKind.Refused]);
    }

    [Fact]
    public void Challenge_EveryChallengeDrainsALittle()
    {
        using var world = new LockWorld();
        using var door = NewLock(world, o => new EmulatedLockOptions
        {
            LockId = o.LockId, TrustedIssuers = o.TrustedIssuers, DrainPerChallenge = 0.5,
        });

        for (var i = 0; i < 4; i++)
            door.Challenge();

        door.BatteryPercent.ShouldBe(98, tolerance: 1e-9);
    }

    [Fact]
    public void ReplaceBattery_AfterLow_FullAndLogged()
    {
        using var world = new LockWorld();
        using var door = NewLock(world, o => new EmulatedLockOptions
        {
            LockId = o.LockId, TrustedIssuers = o.TrustedIssuers, BatteryPercent = 10,
        });

        door.ReplaceBattery();

        door.Status().BatteryPercent.ShouldBe(100);
        door.Status().BatteryLow.ShouldBeFalse();
        door.ReadEvents(0).ShouldHaveSingleItem().Kind.ShouldBe(LockEventKind.BatteryReplaced);
    }

    [Fact]
    public void Present_LockClockRunsFastBeyondSkew_RefusedExpired()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);
        var credential = world.Credential(lockId: door.LockId);
        world.Clock.Now = credential.ValidUntil.AddMinutes(-1);
        door.ClockOffset = TimeSpan.FromMinutes(4);

        door.Present(world.Holder.Answer(door.Challenge(), credential).Encoded).Reason.ShouldBe(RefusalReason.Expired);

        door.ClockOffset = TimeSpan.FromMinutes(2);
        door.Present(world.Holder.Answer(door.Challenge(), credential).Encoded).Opened.ShouldBeTrue();
    }

    [Fact]
    public void ApplyRevocationList_NewerThenOlder_AppliedThenRefusedBothLogged()
    {
        using var world = new LockWorld();
        using var door = NewLock(world);

        door.ApplyRevocationList(world.Issuer.IssueRevocationList(2, world.Clock.Now).Encoded).Applied.ShouldBeTrue();
        door.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now).Encoded).Applied.ShouldBeFalse();

        door.Status().RevocationListVersion.ShouldBe(2);
        door.ReadEvents(0).Select(e => (e.Kind, e.Reason, e.RevocationListVersion)).ShouldBe(
            [(LockEventKind.RevocationListApplied, RefusalReason.None, 2L), (LockEventKind.RevocationListRefused, RefusalReason.RevocationListNotNewer, 1L)]);
    }

    [Fact]
    public async Task Platform_FullOpeningThroughTheAdapter_OpensAndReportsStatus()
    {
        using var world = new LockWorld();
        using var platform = new EmulatedLockPlatform(world.Clock);
        var lockId = Guid.CreateVersion7();
        platform.Add(new EmulatedLockOptions { LockId = lockId, SerialNumber = "PH-1001", TrustedIssuers = [world.Issuer.Trusted()] });
        ILockPlatform locks = platform;

        var challenge = await locks.ChallengeAsync(lockId);
        var response = world.Holder.Answer(challenge, world.Credential(lockId: lockId));
        var opened = await locks.PresentAsync(lockId, response.ToArray());
        var pushed = await locks.PushRevocationListAsync(lockId, world.Issuer.IssueRevocationList(4, world.Clock.Now).ToArray());
        var events = await locks.ReadEventsAsync(lockId, 0);
        var status = await locks.StatusAsync(lockId);

        opened.Opened.ShouldBeTrue();
        pushed.Applied.ShouldBeTrue();
        events!.Events.Count.ShouldBe(2);
        status.SerialNumber.ShouldBe("PH-1001");
        status.RevocationListVersion.ShouldBe(4);
        status.LastEventSequence.ShouldBe(2);
    }

    [Fact]
    public async Task Platform_UnknownLock_ThrowsLockNotFound()
    {
        using var platform = new EmulatedLockPlatform();

        await Should.ThrowAsync<LockNotFoundException>(() => platform.StatusAsync(Guid.NewGuid()));
    }

    [Fact]
    public void Platform_ConcurrentOpeningsOnManyLocks_AllOpenAndEachLockGapFree()
    {
        using var world = new LockWorld();
        using var platform = new EmulatedLockPlatform(world.Clock);
        var lockIds = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();
        foreach (var id in lockIds)
            platform.Add(new EmulatedLockOptions { LockId = id, TrustedIssuers = [world.Issuer.Trusted()] });
        var credentials = lockIds.ToDictionary(id => id, id => world.Credential(lockId: id));
        var opened = 0;

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var door = platform.Get(lockIds[i % lockIds.Length]);
            if (door.Present(world.Holder.Answer(door.Challenge(), credentials[door.LockId]).Encoded).Opened)
                Interlocked.Increment(ref opened);
        });

        opened.ShouldBe(200);
        foreach (var id in lockIds)
            platform.Get(id).ReadEvents(0).Select(e => e.Sequence).ShouldBe([.. Enumerable.Range(1, 50).Select(i => (long)i)]);
    }

    private static EmulatedLock NewLock(LockWorld world, Func<EmulatedLockOptions, EmulatedLockOptions>? adjust = null)
    {
        var options = new EmulatedLockOptions { LockId = Guid.CreateVersion7(), TrustedIssuers = [world.Issuer.Trusted()] };
        return new EmulatedLock(adjust is null ? options : adjust(options), world.Clock);
    }
}
