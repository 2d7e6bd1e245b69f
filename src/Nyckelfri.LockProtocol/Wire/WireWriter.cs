using System.Buffers;
using System.Buffers.Binary;

namespace Nyckelfri.LockProtocol.Wire;

/// <summary>Writes the version 1 field types: big-endian integers, fixed-size ids and length-prefixed bytes.</summary>
internal sealed class WireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public WireWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Time(DateTimeOffset value) => Int64(value.ToUnixTimeSeconds());

    /// <summary>16 bytes in RFC 9562 (network) order, the same on every platform.</summary>
    public void Id(Guid value)
    {
        value.TryWriteBytes(_buffer.GetSpan(Protocol.IdLength), bigEndian: true, out _);
        _buffer.Advance(Protocol.IdLength);
    }

    public void Raw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>One length byte, then the bytes.</summary>
    public void ShortBytes(ReadOnlySpan<byte> bytes)
    {
        Byte(checked((byte)bytes.Length));
        Raw(bytes);
    }

    /// <summary>Two length bytes, then the bytes.</summary>
    public void MediumBytes(ReadOnlySpan<byte> bytes)
    {
        UInt16(checked((ushort)bytes.Length));
        Raw(bytes);
    }

    public void KeyId(string keyId)
    {
        Span<byte> ascii = stackalloc byte[Protocol.MaxKeyIdLength];
        var length = System.Text.Encoding.ASCII.GetBytes(keyId, ascii);
        ShortBytes(ascii[..length]);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
