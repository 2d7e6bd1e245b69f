namespace Nyckelfri.LockProtocol.Wire;

/// <summary>The bytes a signature covers: a domain-separation tag, then the message's fields.</summary>
internal static class Signed
{
    public static byte[] Bytes(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> fields)
    {
        var bytes = new byte[tag.Length + fields.Length];
        tag.CopyTo(bytes);
        fields.CopyTo(bytes.AsSpan(tag.Length));
        return bytes;
    }
}
