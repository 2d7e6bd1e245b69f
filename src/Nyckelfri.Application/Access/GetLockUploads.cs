using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Access;

/// <summary>
/// For the lock's page (protocol v2): whether the lock's own key is registered (and its fingerprint, to
/// compare with what the lock shows), and its newest signed events with who uploaded each. Scoped like
/// the access log: a provider's user sees the lines of her own clients and staff.
/// </summary>
public sealed class GetLockUploads(NyckelfriDbContext db) : IHandler
{
    public const int Shown = 10;

    public sealed record Line(long Sequence, DateTime OccurredAt, DateTime RecordedAt, AccessEventKind Kind, string? UploadedBy);

    /// <param name="KeyFingerprint">The first 16 hex digits of SHA-256 of the lock's public key; null when none is registered.</param>
    public sealed record Result(string? KeyFingerprint, IReadOnlyList<Line> Recent);

    public async Task<Result> Handle(Guid lockId, CancellationToken ct)
    {
        var key = await db.Devices.AsNoTracking()
            .Where(d => d.Id == lockId && (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit))
            .Select(d => new { d.LockPublicKey }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");
        var recent = await db.AccessEvents.AsNoTracking()
            .Where(e => e.LockId == lockId && e.LockSequence != null)
            .OrderByDescending(e => e.LockSequence).Take(Shown)
            .Select(e => new Line(e.LockSequence!.Value, e.OccurredAt, e.RecordedAt, e.Kind, e.RecordedBy))
            .ToListAsync(ct);
        return new Result(key.LockPublicKey is null ? null : Fingerprint(key.LockPublicKey), recent);
    }

    /// <summary>How the lock page and the installer's tool show a lock key: SHA-256, first 16 hex digits, in groups of four.</summary>
    public static string Fingerprint(byte[] publicKey)
    {
        var hex = Convert.ToHexString(SHA256.HashData(publicKey))[..16];
        return string.Join(' ', Enumerable.Range(0, 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
