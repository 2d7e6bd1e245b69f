using System.Diagnostics.CodeAnalysis;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// What a lock says when a phone comes near: its id, a fresh random nonce that it will accept
/// exactly once, and its own time (so the phone can see a drifting lock clock). Not signed: a forged
/// challenge can only make the phone sign a nonce that no lock is waiting for.
/// </summary>
public sealed class Challenge
{
    private readonly byte[] _nonce;

    public Challenge(Guid lockId, ReadOnlySpan<byte> nonce, DateTimeOffset lockTime)
    {
        if (nonce.Length is < Protocol.MinNonceLength or > Protocol.MaxNonceLength)
            throw new ArgumentOutOfRangeException(nameof(nonce), nonce.Length,
                $"A nonce is {Protocol.MinNonceLength}–{Protocol.MaxNonceLength} bytes.");
        LockId = lockId;
        _nonce = nonce.ToArray();
        LockTime = DateTimeOffset.FromUnixTimeSeconds(lockTime.ToUnixTimeSeconds());
    }

    public Guid LockId { get; }
    public ReadOnlySpan<byte> Nonce => _nonce;

    /// <summary>The lock's clock, whole seconds, as the lock believes it.</summary>
    public DateTimeOffset LockTime { get; }

    public byte[] Encode()
    {
        var writer = new WireWriter(64);
        writer.Byte((byte)MessageType.Challenge);
        writer.Byte(Protocol.Version);
        writer.Id(LockId);
        writer.ShortBytes(_nonce);
        writer.Time(LockTime);
        return writer.ToArray();
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Challenge? challenge, out RefusalReason reason)
    {
        challenge = null;
        var reader = new WireReader(bytes);
        if (!reader.Open(MessageType.Challenge, out reason)) return false;
        if (!reader.Id(out var lockId)
            || !reader.ShortBytes(out var nonce) || nonce.Length is < Protocol.MinNonceLength or > Protocol.MaxNonceLength
            || !reader.Time(out var lockTime)
            || !reader.AtEnd)
            return false;
        challenge = new Challenge(lockId, nonce, lockTime);
        reason = RefusalReason.None;
        return true;
    }
}
