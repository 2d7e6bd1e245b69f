using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator;

/// <summary>
/// A door lock in memory. It decides with <see cref="LockVerifier"/>, the code a firmware runs,
/// and adds what a real lock has around it: its own (possibly drifting) clock, an event memory of
/// fixed size, and a battery that every challenge and opening drains. Thread-safe: calls are
/// serialised, as on a lock's single core.
/// </summary>
public sealed class EmulatedLock : IDisposable
{
    private readonly EmulatedLockOptions _options;
    private readonly OffsetClock _clock;
    private readonly LockVerifier _verifier;
    private readonly EventRing _events;
    private readonly EventChain _chain;
    private readonly System.Security.Cryptography.ECDsa _lockKey;
    private readonly Lock _gate = new();
    private double _battery;
    private bool _lowReported;

    public EmulatedLock(EmulatedLockOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatteryPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatteryPercent, 100);
        _options = options;
        _clock = new OffsetClock(clock ?? TimeProvider.System, options.ClockOffset);
        _verifier = new LockVerifier(new LockConfiguration
        {
            LockId = options.LockId,
            TrustedIssuers = options.TrustedIssuers,
            IssuerKeySetVersion = options.IssuerKeySetVersion,
            Clock = _clock,
            AllowedSkew = options.AllowedSkew,
            ChallengeLifetime = options.ChallengeLifetime,
        });
        _lockKey = options.LockKey ?? P256.CreateKey();
        _chain = new EventChain(options.LockId, _lockKey, options.LastSequence, options.LastEventHash);
        _events = new EventRing(options.EventCapacity, _chain);
        _battery = options.BatteryPercent;
        _lowReported = _battery <= options.LowBatteryPercent;
    }

    public Guid LockId => _options.LockId;

    /// <summary>The lock's public key, 0x04 ‖ X ‖ Y, as registered on the server when the lock is mounted.</summary>
    public byte[] PublicKey => _chain.PublicKey;
    public string SerialNumber => _options.SerialNumber;

    /// <summary>Drift of the lock's clock; change it to emulate a lock that gains or loses time.</summary>
    public TimeSpan ClockOffset
    {
        get => _clock.Offset;
        set => _clock.Offset = value;
    }

    public double BatteryPercent
    {
        get
        {
            lock (_gate)
                return _battery;
        }
    }

    public Challenge Challenge()
    {
        lock (_gate)
        {
            Drain(_options.DrainPerChallenge);
            return _verifier.IssueChallenge();
        }
    }

    public OpenResult Present(ReadOnlySpan<byte> response)
    {
        lock (_gate)
            return Decide(_verifier.Verify(response));
    }

    public OpenResult Present(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
            return Decide(_verifier.Verify(response));
    }

    public RevocationUpdateResult ApplyRevocationList(ReadOnlySpan<byte> list)
    {
        lock (_gate)
            return Logged(_verifier.ApplyRevocationList(list));
    }

    public RevocationUpdateResult ApplyRevocationList(RevocationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_gate)
            return Logged(_verifier.ApplyRevocationList(list));
    }

    /// <summary>
    /// Takes an issuer key set as a phone offers it (the verifier decides). Not logged as an event:
    /// the event kinds belong to the event format, and the lock's status reports the set's version.
    /// </summary>
    public IssuerKeySetUpdateResult ApplyIssuerKeySet(ReadOnlySpan<byte> set)
    {
        lock (_gate)
            return _verifier.ApplyIssuerKeySet(set);
    }

    /// <summary>The key ids the lock trusts now.</summary>
    public IReadOnlyList<string> TrustedKeyIds => _verifier.TrustedKeyIds;

    /// <summary>The events still held after <paramref name="afterSequence"/>, oldest first; nothing is removed.</summary>
    public IReadOnlyList<LockEvent> ReadEvents(long afterSequence)
    {
        lock (_gate)
            return [.. _events.After(afterSequence).Select(c => c.Event)];
    }

    /// <summary>
    /// The events still held after <paramref name="afterSequence"/> as the lock hands them over: one
    /// batch of at most <see cref="Protocol.MaxEventsPerBatch"/> (the oldest first), signed with the
    /// lock's key; null when there is nothing newer.
    /// </summary>
    public EventBatch? ReadSignedEvents(long afterSequence)
    {
        lock (_gate)
        {
            var events = _events.After(afterSequence);
            if (events.Count == 0) return null;
            return _chain.Sign(events.Count > Protocol.MaxEventsPerBatch ? events[..Protocol.MaxEventsPerBatch] : events);
        }
    }

    public void ReplaceBattery()
    {
        lock (_gate)
        {
            _battery = 100;
            _lowReported = false;
            Log(LockEventKind.BatteryReplaced, batteryPercent: 100);
        }
    }

    public LockStatus Status()
    {
        lock (_gate)
        {
            var list = _verifier.RevocationList;
            return new LockStatus(LockId, SerialNumber, ShownPercent(), _battery <= _options.LowBatteryPercent,
                list?.ListVersion ?? 0, list?.IssuedAt, _events.LastSequence, _events.OldestSequence, _clock.GetUtcNow(),
                _verifier.IssuerKeySetVersion);
        }
    }

    public void Dispose()
    {
        _verifier.Dispose();
        _lockKey.Dispose();
    }

    private OpenResult Decide(VerificationResult verification)
    {
        var reason = verification.Reason;
        // The verifier has used up the challenge; an empty battery means the bolt cannot move.
        if (verification.Accepted && _battery < _options.DrainPerOpening)
            reason = RefusalReason.BatteryDepleted;
        var credential = verification.Credential;
        var logged = Log(reason == RefusalReason.None ? LockEventKind.Opened : LockEventKind.Refused, reason, credential);
        if (reason == RefusalReason.None)
            Drain(_options.DrainPerOpening);
        return new OpenResult(reason, credential?.CredentialId, credential?.EmployeeId, credential?.Kind, logged.Sequence);
    }

    private RevocationUpdateResult Logged(RevocationUpdateResult result)
    {
        var kind = result.Applied ? LockEventKind.RevocationListApplied : LockEventKind.RevocationListRefused;
        _events.Append(sequence => new LockEvent(LockId, sequence, _clock.GetUtcNow(), kind, result.Reason,
            RevocationListVersion: result.OfferedVersion));
        return result;
    }

    private LockEvent Log(LockEventKind kind, RefusalReason reason = RefusalReason.None, Credential? credential = null,
        int? batteryPercent = null) =>
        _events.Append(sequence => new LockEvent(LockId, sequence, _clock.GetUtcNow(), kind, reason,
            credential?.CredentialId, credential?.EmployeeId, credential?.Kind, BatteryPercent: batteryPercent));

    private void Drain(double percent)
    {
        _battery = Math.Max(0, _battery - percent);
        if (_lowReported || _battery > _options.LowBatteryPercent)
            return;
        _lowReported = true;
        Log(LockEventKind.BatteryLow, batteryPercent: ShownPercent());
    }

    /// <summary>Rounded up, so that 0 % means empty.</summary>
    private int ShownPercent() => (int)Math.Ceiling(_battery);
}
