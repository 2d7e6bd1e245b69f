using Nyckelfri.Access;
using Nyckelfri.LockEmulator;
using Nyckelfri.LockPlatform;

namespace Nyckelfri.Demo;

/// <summary>
/// The emulated counterparts of the installed locks (SPEC §6: no hardware here, so the emulator is
/// the first lock-platform adapter), for "Öppna" while the demo is on. One per process, each lock made
/// on first use, trusting the municipality's issuer, numbering and chaining its events on from what
/// the server has stored, and signing them with its own key (<see cref="DemoLockKeys"/>: the same key
/// after a restart, so the public key registered on the device keeps matching). A real deployment
/// registers the vendor's adapter behind the same <see cref="ILockPlatformConnector"/> instead.
/// </summary>
public sealed class EmulatedLocks(TimeProvider clock, DemoLockKeys keys) : ILockPlatformConnector, IDisposable
{
    private readonly EmulatedLockPlatform _platform = new(clock);
    private readonly Lock _gate = new();

    public Task<ILockPlatform> ConnectAsync(LockOnRecord lockOnRecord, CancellationToken cancellationToken)
    {
        GetOrAdd(lockOnRecord);
        return Task.FromResult<ILockPlatform>(_platform);
    }

    /// <summary>The emulated lock for <paramref name="lockOnRecord"/>: the one made before, or a new one as the server has it on record.</summary>
    public EmulatedLock GetOrAdd(LockOnRecord lockOnRecord)
    {
        lock (_gate)
        {
            if (_platform.LockIds.Contains(lockOnRecord.LockId)) return _platform.Get(lockOnRecord.LockId);
            return _platform.Add(new EmulatedLockOptions
            {
                LockId = lockOnRecord.LockId,
                SerialNumber = lockOnRecord.SerialNumber,
                TrustedIssuers = lockOnRecord.Issuers,
                IssuerKeySetVersion = lockOnRecord.IssuerKeySetVersion,
                LastSequence = lockOnRecord.LastEventSequence,
                LastEventHash = lockOnRecord.LastEventHash,
                LockKey = keys.KeyFor(lockOnRecord.LockId),
                BatteryPercent = Math.Clamp(lockOnRecord.BatteryPercent ?? 100, 0, 100),
            });
        }
    }

    public void Dispose() => _platform.Dispose();
}
