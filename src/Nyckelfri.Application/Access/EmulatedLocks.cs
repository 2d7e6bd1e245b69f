using Nyckelfri.LockEmulator;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// The emulated counterparts of the installed locks (SPEC §6: no hardware here, so the emulator is
/// the first lock-platform adapter). One per process, made on first use for a lock, trusting the
/// municipality's issuer and numbering its events on from what the server has stored. A real
/// deployment replaces this with the vendor's adapter behind the same <see cref="ILockPlatform"/>.
/// </summary>
public sealed class EmulatedLocks(TimeProvider clock) : IDisposable
{
    private readonly EmulatedLockPlatform _platform = new(clock);
    private readonly Lock _gate = new();

    public ILockPlatform Platform => _platform;

    public EmulatedLock GetOrAdd(Guid lockId, string serialNumber, TrustedIssuer issuer, long lastSequence, int? batteryPercent)
    {
        lock (_gate)
        {
            if (_platform.LockIds.Contains(lockId)) return _platform.Get(lockId);
            return _platform.Add(new EmulatedLockOptions
            {
                LockId = lockId,
                SerialNumber = serialNumber,
                TrustedIssuers = [issuer],
                LastSequence = lastSequence,
                BatteryPercent = Math.Clamp(batteryPercent ?? 100, 0, 100),
            });
        }
    }

    public void Dispose() => _platform.Dispose();
}
