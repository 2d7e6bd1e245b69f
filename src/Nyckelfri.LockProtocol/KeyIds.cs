namespace Nyckelfri.LockProtocol;

/// <summary>
/// An issuer key id: 1 to 32 characters of A–Z, a–z, 0–9, '.', '_' and '-', such as
/// "linkoping-2026-1". Plain ASCII so that one id has exactly one encoding.
/// </summary>
public static class KeyIds
{
    public static bool IsValid(string? keyId) =>
        keyId is { Length: > 0 and <= Protocol.MaxKeyIdLength } && keyId.All(c => c < 128 && IsAllowed((byte)c));

    internal static bool IsValid(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length is 0 or > Protocol.MaxKeyIdLength) return false;
        foreach (var b in ascii)
            if (!IsAllowed(b)) return false;
        return true;
    }

    private static bool IsAllowed(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'.' or (byte)'_' or (byte)'-';
}
