using Nyckelfri.Demo;
using Nyckelfri.LockEmulator;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>
/// The demo's emulated locks keep their keys and chains across an app restart although they live in
/// memory: keys come from the demo secret file (never the database), and a lock made again from what
/// the server stored goes on with a batch that links to the last stored event.
/// </summary>
public sealed class DemoLockKeysTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nyckelfri-demo-lock-keys-{Guid.NewGuid():N}", "demo-lock-keys.secret");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    [Fact]
    public void KeyFor_SameSecretFileAfterARestart_SameKey_OtherLocksOtherKeys_FileOnlyForTheOwner()
    {
        var lockId = Guid.NewGuid();
        var before = new DemoLockKeys(_file).PublicKeyFor(lockId);

        var afterRestart = new DemoLockKeys(_file);

        afterRestart.PublicKeyFor(lockId).ShouldBe(before);
        afterRestart.PublicKeyFor(Guid.NewGuid()).ShouldNotBe(before);
        P256.TryImportPublicKey(before, out var imported).ShouldBeTrue();
        imported!.Dispose();
        new FileInfo(_file).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(_file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        new DemoLockKeys(_file + ".other").PublicKeyFor(lockId).ShouldNotBe(before);
    }

    [Fact]
    public void EmulatedLock_MadeAgainFromTheStoredNumberAndHash_SignsABatchThatLinksOn()
    {
        var keys = new DemoLockKeys(_file);
        var lockId = Guid.NewGuid();
        var issuer = new TrustedIssuer("demo-1", keys.PublicKeyFor(Guid.NewGuid()));
        EventBatch first;
        using (var before = new EmulatedLock(new EmulatedLockOptions { LockId = lockId, TrustedIssuers = [issuer], LockKey = keys.KeyFor(lockId) }))
        {
            before.ReplaceBattery();
            before.ReplaceBattery();
            first = before.ReadSignedEvents(0)!;
        }

        using var after = new EmulatedLock(new EmulatedLockOptions
        {
            LockId = lockId, TrustedIssuers = [issuer], LockKey = keys.KeyFor(lockId),
            LastSequence = first.LastSequence, LastEventHash = first.HeadHash.ToArray(),
        });
        after.ReplaceBattery();
        var next = after.ReadSignedEvents(first.LastSequence)!;

        P256.TryImportPublicKey(keys.PublicKeyFor(lockId), out var registered).ShouldBeTrue();
        using (registered)
        {
            first.Check(lockId, registered!).IsValid.ShouldBeTrue();
            next.Check(lockId, registered!).IsValid.ShouldBeTrue();
        }
        next.FirstSequence.ShouldBe(3);
        next.Events[0].PreviousHash.ShouldBe(first.HeadHash.ToArray());
    }
}
