using Nyckelfri.Common;
using Nyckelfri.Stock;

namespace Nyckelfri.UnitTests.Stock;

public class DeliveryLinesTests
{
    private static (List<DeliveryLines.Parsed> Parsed, IReadOnlyDictionary<string, string[]> Errors) Check(string text)
    {
        var v = new Validator();
        var parsed = DeliveryLines.Check(v, "SerialNumbers", DeliveryLines.FromText(text));
        try { v.ThrowIfInvalid(); return (parsed, new Dictionary<string, string[]>()); }
        catch (ValidationFailedException e) { return (parsed, e.Errors); }
    }

    [Fact]
    public void FromText_ScannerAndSpreadsheetSeparators_ReadTheSameAndKeepLineNumbers()
    {
        var (parsed, errors) = Check("ph-1\r\n\r\nPH-2 k-2\nPH-3;K-3\rPH-4,K-4\nPH-5\tK-5  \n  ");

        errors.ShouldBeEmpty();
        parsed.ShouldBe([
            new DeliveryLines.Parsed(1, "PH-1", null), new DeliveryLines.Parsed(3, "PH-2", "K-2"), new DeliveryLines.Parsed(4, "PH-3", "K-3"),
            new DeliveryLines.Parsed(5, "PH-4", "K-4"), new DeliveryLines.Parsed(6, "PH-5", "K-5"),
        ]);
    }

    [Fact]
    public void Check_BlankText_AsksForASerialNumber()
    {
        var (_, errors) = Check(" \n\t\n");

        errors.ShouldBeSingleError("SerialNumbers", "Ange minst ett serienummer, ett per rad.");
    }

    [Fact]
    public void Check_MoreThan500Lines_RefusesTheWholeDelivery()
    {
        var (parsed, errors) = Check(string.Join('\n', Enumerable.Range(1, 501).Select(i => $"S-{i}")));

        parsed.ShouldBeEmpty();
        errors.ShouldBeSingleError("SerialNumbers", "En leverans får ha högst 500 enheter, men här finns 501 rader. Dela upp leveransen.");
    }

    [Fact]
    public void Check_DuplicateSerialDifferentCase_NamesItWithItsLines()
    {
        var (_, errors) = Check("A-1\nB-1\na-1\nA-1");

        errors.ShouldBeSingleError("SerialNumbers", "Serienumret A-1 står på flera rader i leveransen (rad 1, 3 och 4).");
    }

    [Fact]
    public void Check_EveryBadLine_IsReportedAtOnce()
    {
        var (parsed, errors) = Check($"OK-1\n{new string('X', 41)}\nA B C\nOK-2 K/2.3\nOK-3 nyckel_1");

        parsed.Select(p => p.Serial).ShouldBe(["OK-1", "OK-2"]);
        errors["SerialNumbers"].Length.ShouldBe(3);
        errors["SerialNumbers"][0].ShouldStartWith($"Rad 2: serienumret \"{new string('X', 40)}…\" är ogiltigt.");
        errors["SerialNumbers"][1].ShouldStartWith("Rad 3: \"A B C\" har för många värden.");
        errors["SerialNumbers"][2].ShouldStartWith("Rad 5: nyckelnumret \"nyckel_1\" (serienummer OK-3) är ogiltigt.");
    }

    [Fact]
    public void FromPairs_EntryWithoutSerial_IsReportedByPosition()
    {
        var v = new Validator();

        DeliveryLines.Check(v, "SerialNumbers", DeliveryLines.FromPairs([("X-1", null), (null, "K-9"), (" ", null)]));

        var errors = Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors["SerialNumbers"];
        errors.ShouldBe(["Rad 2: \"K-9\" saknar serienummer.", "Rad 3: serienummer saknas."]);
    }
}
