using Nyckelfri.Common;
using Nyckelfri.Keys;

namespace Nyckelfri.UnitTests.Keys;

public class KeyReceiptTests
{
    private static readonly DateOnly Today = TestClock.Today;
    private readonly KeyWorld _world = new();

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validator v) =>
        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors;

    private static Validator Check(KeyReceipt.Parties? parties)
    {
        var v = new Validator();
        KeyReceipt.Check(v, parties, Today);
        return v;
    }

    // ---- Check ----

    [Fact]
    public void Check_SignedByBoth_NoErrors() => Check(KeyWorld.Signed()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Check_SignedByOneParty_NoErrors(bool giver, bool receiver) =>
        Check(KeyWorld.Signed() with { SignedByGiver = giver, SignedByReceiver = receiver }).IsValid.ShouldBeTrue();

    [Fact]
    public void Check_NoSigner_ErrorOnSignedBy() =>
        ErrorsOf(Check(KeyWorld.Signed() with { SignedByGiver = false, SignedByReceiver = false }))
            .ShouldBeSingleError("SignedBy", "Kvittensen måste vara signerad: ange vem som har skrivit under.");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoGiverName_ErrorOnGiverName(string name) =>
        ErrorsOf(Check(KeyWorld.Signed() with { GiverName = name }))
            .ShouldBeSingleError("GiverName", "Lämnas av måste anges.");

    [Fact]
    public void Check_NoReceiverName_ErrorOnReceiverName() =>
        ErrorsOf(Check(KeyWorld.Signed() with { ReceiverName = "" }))
            .ShouldBeSingleError("ReceiverName", "Tas emot av måste anges.");

    [Fact]
    public void Check_NameTooLong_ErrorOnName() =>
        ErrorsOf(Check(KeyWorld.Signed() with { GiverName = new string('a', 101) }))
            .ShouldBeSingleError("GiverName", "Lämnas av får vara högst 100 tecken.");

    [Fact]
    public void Check_NoteWithMarkup_ErrorOnNote() =>
        ErrorsOf(Check(KeyWorld.Signed() with { Note = "<script>" }))
            .ShouldBeSingleError("Note", "Kommentar innehåller otillåtna tecken (till exempel < eller >).");

    [Fact]
    public void Check_Tomorrow_ErrorOnDate() =>
        ErrorsOf(Check(KeyWorld.Signed(Today.AddDays(1))))
            .ShouldBeSingleError("Date", "Datumet kan inte ligga i framtiden.");

    [Fact]
    public void Check_OverAYearAgo_ErrorOnDate() =>
        ErrorsOf(Check(KeyWorld.Signed(Today.AddYears(-1).AddDays(-1))))
            .ShouldBeSingleError("Date", "Datumet får ligga högst ett år bakåt i tiden.");

    [Fact]
    public void Check_ExactlyAYearAgo_NoErrors() =>
        Check(KeyWorld.Signed(Today.AddYears(-1))).IsValid.ShouldBeTrue();

    [Fact]
    public void Check_NoParties_ErrorOnReceipt() =>
        ErrorsOf(Check(null)).ShouldBeSingleError("Receipt", "Kvittensen måste fyllas i.");

    [Fact]
    public void Check_EverythingWrong_EveryFieldInError()
    {
        var parties = new KeyReceipt.Parties(Today.AddDays(3), "", " ", false, false, null);

        ErrorsOf(Check(parties)).Keys.ShouldBe(["GiverName", "ReceiverName", "SignedBy", "Date"], ignoreOrder: true);
    }

    // ---- factories ----

    [Fact]
    public void HandOut_Set_CopiesKeysPartiesAndHolder()
    {
        var set = _world.Set(keyCount: 3);
        var parties = KeyWorld.Signed() with { SignedByGiver = false, Note = "Två nycklar och en tagg" };

        var receipt = KeyReceipt.HandOut(set, parties, "Anna Berg");

        receipt.Kind.ShouldBe(KeyReceiptKind.HandOut);
        receipt.KeySetId.ShouldBe(set.Id);
        receipt.ClientId.ShouldBe(_world.Client.Id);
        receipt.MunicipalityId.ShouldBe(set.MunicipalityId);
        receipt.KeyNumber.ShouldBe("N-0042");
        receipt.KeyCount.ShouldBe(3);
        receipt.FromUnitId.ShouldBeNull();
        receipt.ToUnitId.ShouldBe(_world.HomeCare.Id);
        receipt.Date.ShouldBe(Today);
        receipt.GiverName.ShouldBe("Astrid Lindqvist");
        receipt.ReceiverName.ShouldBe("Erik Johansson");
        receipt.SignedByGiver.ShouldBeFalse();
        receipt.SignedByReceiver.ShouldBeTrue();
        receipt.Note.ShouldBe("Två nycklar och en tagg");
        receipt.RecordedBy.ShouldBe("Anna Berg");
    }

    [Fact]
    public void Transfer_SetMovedToAnotherUnit_FromOldToNewHolder()
    {
        var set = _world.Set(keyCount: 2);
        set.TransferTo(_world.AlarmGroup);

        var receipt = KeyReceipt.Transfer(set, _world.HomeCare.Id, KeyWorld.Signed(), "Anna Berg");

        receipt.Kind.ShouldBe(KeyReceiptKind.Transfer);
        receipt.FromUnitId.ShouldBe(_world.HomeCare.Id);
        receipt.ToUnitId.ShouldBe(_world.AlarmGroup.Id);
        receipt.KeyNumber.ShouldBe("N-0042");
        receipt.KeyCount.ShouldBe(2);
    }

    [Fact]
    public void Return_SetBackWithTheClient_FromLastHolderToNoUnit()
    {
        var set = _world.Set(keyCount: 1);
        set.ReturnToClient();

        var receipt = KeyReceipt.Return(set, _world.HomeCare.Id, KeyWorld.Signed(), "Anna Berg");

        receipt.Kind.ShouldBe(KeyReceiptKind.Return);
        receipt.FromUnitId.ShouldBe(_world.HomeCare.Id);
        receipt.ToUnitId.ShouldBeNull();
        receipt.KeyNumber.ShouldBe("N-0042");
        receipt.KeyCount.ShouldBe(1);
        receipt.ClientId.ShouldBe(_world.Client.Id);
    }

    [Fact]
    public void Reference_Receipt_KAndEightUpperCaseCharactersOfTheId()
    {
        var receipt = KeyReceipt.HandOut(_world.Set(), KeyWorld.Signed(), "Anna Berg");

        receipt.Reference.ShouldBe("K-" + receipt.Id.ToString("N")[^8..].ToUpperInvariant());
        receipt.Reference.Length.ShouldBe(10);
    }

    [Theory]
    [InlineData(KeyReceiptKind.HandOut, "Utlämning")]
    [InlineData(KeyReceiptKind.Transfer, "Överlämning mellan enheter")]
    [InlineData(KeyReceiptKind.Return, "Återlämning till brukaren")]
    public void SwedishName_Kind_Swedish(KeyReceiptKind kind, string expected) =>
        KeyReceipt.SwedishName(kind).ShouldBe(expected);
}
