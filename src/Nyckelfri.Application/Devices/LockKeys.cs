using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Devices;

/// <summary>A lock's own public key as typed or scanned at mounting (docs/lock-protocol.md, "The lock's key").</summary>
public static class LockKeys
{
    /// <summary>The 65 bytes of a valid P-256 point, or null when none was given (or the input is wrong: then <paramref name="v"/> says why, in Swedish).</summary>
    public static byte[]? Parse(Validator v, string field, string? base64, DeviceKind kind)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        if (kind is not (DeviceKind.LockUnit or DeviceKind.EntranceUnit))
        {
            v.Add(field, "Bara låsenheter och portenheter har en egen låsnyckel.");
            return null;
        }
        var text = base64.Trim();
        var bytes = new byte[Math.Min(text.Length, 200)];
        if (text.Length > 200 || !Convert.TryFromBase64String(text, bytes, out var written) || written != Protocol.PublicKeyLength || bytes[0] != 0x04)
        {
            v.Add(field, "Låsets publika nyckel ska vara 65 byte i base64 (en okomprimerad P-256-punkt som börjar med 04), som låset visar vid driftsättningen.");
            return null;
        }
        var key = bytes[..written];
        if (!P256.TryImportPublicKey(key, out var imported))
        {
            v.Add(field, "Låsets publika nyckel är ingen punkt på kurvan P-256. Läs av nyckeln från låset igen.");
            return null;
        }
        imported.Dispose();
        return key;
    }
}
