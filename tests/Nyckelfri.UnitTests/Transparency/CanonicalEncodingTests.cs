using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

/// <summary>The canonical entry encoding v1 byte for byte, as docs/audit-log.md writes it down.</summary>
public sealed class CanonicalEncodingTests
{
    [Fact]
    public void Envelope_IsVersionKindAndBigEndianIndexBeforeTheFields()
    {
        var entry = LogEntryEnvelope.Create(0x02, 0x0102030405, [0xaa, 0xbb]);

        Convert.ToHexString(entry).ShouldBe("0102" + "0000000102030405" + "AABB");
        LogEntryEnvelope.TryReadHeader(entry, out var kind, out var index).ShouldBeTrue();
        (kind, index).ShouldBe(((byte)0x02, 0x0102030405L));
    }

    [Fact]
    public void Envelope_OfAnotherVersionOrTooShort_DoesNotRead()
    {
        LogEntryEnvelope.TryReadHeader([0x02, 1, 0, 0, 0, 0, 0, 0, 0, 1], out _, out _).ShouldBeFalse();
        LogEntryEnvelope.TryReadHeader([0x01, 1, 0, 0, 0], out _, out _).ShouldBeFalse();
        LogEntryEnvelope.TryReadHeader([0x01, 1, 0xff, 0, 0, 0, 0, 0, 0, 1], out _, out _).ShouldBeFalse("a negative index");
    }

    [Fact]
    public void Writer_EncodesEachFieldInItsOneForm()
    {
        var bytes = new CanonicalWriter()
            .String("å").String(null).String("")
            .Guid(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff")).Guid((Guid?)null)
            .Int64(-2).Int64((long?)5)
            .Time(new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(0x10))
            .Byte(7).Bytes([9])
            .ToArray();

        Convert.ToHexString(bytes).ShouldBe(
            "00000002C3A5" + "FFFFFFFF" + "00000000" +
            "00112233445566778899AABBCCDDEEFF" + "00" +
            "FFFFFFFFFFFFFFFE" + "01" + "0000000000000005" +
            "0000000000000010" +
            "07" + "0000000109");
    }

    [Fact]
    public void Writer_FieldsCannotRunIntoEachOther() =>
        new CanonicalWriter().String("ab").String("c").ToArray().ShouldNotBe(new CanonicalWriter().String("a").String("bc").ToArray());

    [Fact]
    public void Writer_RefusesALocalTime() =>
        Should.Throw<ArgumentException>(() => new CanonicalWriter().Time(new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Local)));
}
