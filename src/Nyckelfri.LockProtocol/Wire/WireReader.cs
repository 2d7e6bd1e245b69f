using System.Buffers.Binary;
using System.Text;

namespace Nyckelfri.LockProtocol.Wire;

/// <summary>
/// Reads the version 1 field types. Every method returns false instead of throwing when the input
/// is short or out of range, so that no byte sequence can make a lock throw.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> input)
{
    // The range DateTimeOffset can hold from 1970 on; anything else is malformed, not an exception.
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;

    public readonly bool AtEnd => _position == _input.Length;

    public readonly int Position => _position;

    public readonly int Remaining => _input.Length - _position;

    public bool Bytes(int count, out ReadOnlySpan<byte> value)
    {
        if (count < 0 || count > Remaining)
        {
            value = default;
            return false;
        }
        value = _input.Slice(_position, count);
        _position += count;
        return true;
    }

    public bool Byte(out byte value)
    {
        value = 0;
        if (!Bytes(1, out var span)) return false;
        value = span[0];
        return true;
    }

    public bool UInt16(out ushort value)
    {
        value = 0;
        if (!Bytes(2, out var span)) return false;
        value = BinaryPrimitives.ReadUInt16BigEndian(span);
        return true;
    }

    public bool UInt32(out uint value)
    {
        value = 0;
        if (!Bytes(4, out var span)) return false;
        value = BinaryPrimitives.ReadUInt32BigEndian(span);
        return true;
    }

    public bool Int64(out long value)
    {
        value = 0;
        if (!Bytes(8, out var span)) return false;
        value = BinaryPrimitives.ReadInt64BigEndian(span);
        return true;
    }

    public bool Time(out DateTimeOffset value)
    {
        value = default;
        if (!Int64(out var seconds) || seconds is < 0 or > MaxUnixSeconds) return false;
        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    public bool Id(out Guid value)
    {
        value = Guid.Empty;
        if (!Bytes(Protocol.IdLength, out var span)) return false;
        value = new Guid(span, bigEndian: true);
        return true;
    }

    public bool ShortBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        return Byte(out var length) && Bytes(length, out value);
    }

    public bool MediumBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        return UInt16(out var length) && Bytes(length, out value);
    }

    public bool KeyId(out string value)
    {
        value = "";
        if (!ShortBytes(out var ascii) || !KeyIds.IsValid(ascii)) return false;
        value = Encoding.ASCII.GetString(ascii);
        return true;
    }

    /// <summary>The message type and protocol version that open every message.</summary>
    public bool Header(MessageType expected, out byte version)
    {
        version = 0;
        return Byte(out var type) && type == (byte)expected && Byte(out version);
    }

    /// <summary>
    /// Reads the header of a version <see cref="Protocol.Version"/> message of the expected type. On
    /// success <paramref name="reason"/> is Malformed, ready for the body's checks; otherwise it says why.
    /// </summary>
    public bool Open(MessageType expected, out RefusalReason reason)
    {
        if (!Header(expected, out var version)) reason = RefusalReason.Malformed;
        else if (version != Protocol.Version) reason = RefusalReason.UnsupportedVersion;
        else
        {
            reason = RefusalReason.Malformed;
            return true;
        }
        return false;
    }
}
