using System.Buffers.Binary;
using System.Text;

namespace Nyckelfri.Transparency;

/// <summary>
/// The canonical bytes of a log entry, version 1 (docs/audit-log.md, "Canonical entry encoding v1"):
/// <c>version (1 byte, 0x01) ‖ kind (1 byte) ‖ leaf index (int64, big-endian) ‖ fields</c>. The leaf index is
/// inside the hashed bytes so that an entry moved to another place in the log no longer fits there: the verifier
/// tells a removed, inserted or reordered entry from an altered one even when its stored leaf hash was moved with it.
/// </summary>
public static class LogEntryEnvelope
{
    public const byte Version1 = 0x01;
    public const int HeaderLength = 10;

    public static byte[] Create(byte kind, long leafIndex, ReadOnlySpan<byte> fields)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        var bytes = new byte[HeaderLength + fields.Length];
        bytes[0] = Version1;
        bytes[1] = kind;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2), leafIndex);
        fields.CopyTo(bytes.AsSpan(HeaderLength));
        return bytes;
    }

    /// <summary>The header of an entry, if it has one this version knows.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> entry, out byte kind, out long leafIndex)
    {
        kind = 0;
        leafIndex = -1;
        if (entry.Length < HeaderLength || entry[0] != Version1) return false;
        kind = entry[1];
        leafIndex = BinaryPrimitives.ReadInt64BigEndian(entry[2..]);
        return leafIndex >= 0;
    }
}

/// <summary>
/// Writes an entry's fields in their fixed order, each in one unambiguous form: strings as a uint32 big-endian
/// byte length and UTF-8 (0xFFFFFFFF for null), Guids as their 16 bytes in RFC 9562 (big-endian) order,
/// integers big-endian, times as UTC ticks (int64), nullable values behind a presence byte (0x00 absent, 0x01 present).
/// No field can run into the next, so two different entries never encode to the same bytes.
/// </summary>
public sealed class CanonicalWriter
{
    private readonly MemoryStream _bytes = new();

    public CanonicalWriter String(string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            _bytes.Write(length);
            return this;
        }
        var utf8 = new UTF8Encoding(false, true).GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)utf8.Length);
        _bytes.Write(length);
        _bytes.Write(utf8);
        return this;
    }

    public CanonicalWriter Guid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        _bytes.Write(bytes);
        return this;
    }

    public CanonicalWriter Guid(Guid? value) => value is { } v ? Present().Guid(v) : Absent();

    public CanonicalWriter Int64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }

    public CanonicalWriter Int64(long? value) => value is { } v ? Present().Int64(v) : Absent();

    public CanonicalWriter Byte(byte value)
    {
        _bytes.WriteByte(value);
        return this;
    }

    /// <summary>A UTC time as its ticks; a time of another kind is refused rather than guessed at.</summary>
    public CanonicalWriter Time(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local) throw new ArgumentException("Log entries carry UTC times.", nameof(utc));
        return Int64(utc.Ticks);
    }

    public CanonicalWriter Time(DateTime? utc) => utc is { } v ? Present().Time(v) : Absent();

    public CanonicalWriter Bytes(byte[]? value)
    {
        if (value is null) return String(null);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        _bytes.Write(length);
        _bytes.Write(value);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private CanonicalWriter Present() => Byte(0x01);

    private CanonicalWriter Absent() => Byte(0x00);
}
