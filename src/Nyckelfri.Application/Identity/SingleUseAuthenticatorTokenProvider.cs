using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// TOTP codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift either way), each
/// accepted once: the time step of an accepted code is stored on the user (<see cref="AppUser.LastTotpTimeStep"/>)
/// and a code of that step or an earlier one is refused afterwards, whoever sends it. The step is claimed
/// by one conditional UPDATE, so two requests racing with the same code cannot both win. Replaces
/// Identity's authenticator provider (which accepts a code again for as long as it is valid).
/// </summary>
/// <remarks>
/// The wall clock, not the app's <see cref="TimeProvider"/>: the code comes from the user's phone,
/// which keeps real time whatever date the app is told it is.
/// </remarks>
public sealed class SingleUseAuthenticatorTokenProvider(NyckelfriDbContext db) : IUserTwoFactorTokenProvider<AppUser>
{
    /// <summary>Steps of drift allowed either side of now (30 s each).</summary>
    public const int AllowedDrift = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var step = MatchingStep(Base32.Decode(key), token, TimeProvider.System.GetUtcNow());
        return step is { } matched && await ClaimStepAsync(user, matched);
    }

    /// <summary>The time step whose code is <paramref name="code"/>, within the allowed drift of <paramref name="now"/>; null if none.</summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds() / 30;
        long? found = null;
        // Every candidate is computed and compared in constant time, so that timing does not tell which step matched.
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                found ??= step;
        return found;
    }

    /// <summary>The six-digit code of one time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    // Succeeds for one request only: the UPDATE matches while the stored step is older than this one.
    private async Task<bool> ClaimStepAsync(AppUser user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, step));
        if (claimed != 1) return false;
        // The tracked user learns the new step without being marked changed (the database already has it).
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            var property = entry.Property(u => u.LastTotpTimeStep);
            property.CurrentValue = step;
            property.OriginalValue = step;
        }
        else user.LastTotpTimeStep = step;
        return true;
    }
}

/// <summary>RFC 4648 base32, as authenticator keys are written.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=' or '-') continue;
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0) throw new FormatException("The authenticator key is not base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.ToArray();
    }
}
