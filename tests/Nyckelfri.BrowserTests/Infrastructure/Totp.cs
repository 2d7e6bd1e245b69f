using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Nyckelfri.BrowserTests.Infrastructure;

/// <summary>
/// What an authenticator app does with the shared key: RFC 6238 TOTP (HMAC-SHA1, 30-second steps,
/// six digits) over the RFC 4648 base32 key. Written here so the test does not trust the app's own code.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);

    /// <summary>
    /// The code a person would type now for <paramref name="base32Key"/>: each code works only once (issue 13),
    /// so when this run already used the current step's code for the key, the next step's (the app allows
    /// one step of drift), waiting for the clock when that one is used too.
    /// </summary>
    public static async Task<string> NextUnused(string base32Key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var step = now.ToUnixTimeSeconds() / 30;
            lock (LastStep)
            {
                var next = LastStep.TryGetValue(base32Key, out var last) ? Math.Max(step, last + 1) : step;
                if (next <= step + 1)
                {
                    LastStep[base32Key] = next;
                    return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(next * 30));
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(30 - now.ToUnixTimeSeconds() % 30 + 1));
        }
    }

    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFF_FFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes base32 as apps accept it: any case, spaces and padding ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            output.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return output.ToArray();
    }
}
