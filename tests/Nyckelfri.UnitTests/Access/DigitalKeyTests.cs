using System.Security.Cryptography;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.Access;

public enum KeyStart { Ordered, OrderedWithoutKey, InStock, Issued, Blocked, Retired }

public enum KeyTransition { MakeReady, Issue, Return, Block, Retire, Move, KeepAt }

/// <summary>
/// A digital key's life (seed 001): ordered → ready in stock → issued → returned to a stock, or blocked
/// for good; retired from the shelf. Every transition not in the table is refused with the same kind
/// of error and changes nothing.
/// </summary>
public class DigitalKeyTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static readonly Dictionary<(KeyStart, KeyTransition), DigitalKeyStatus> Legal = new()
    {
        [(KeyStart.OrderedWithoutKey, KeyTransition.MakeReady)] = DigitalKeyStatus.InStock,
        [(KeyStart.OrderedWithoutKey, KeyTransition.Retire)] = DigitalKeyStatus.Retired,
        [(KeyStart.Ordered, KeyTransition.MakeReady)] = DigitalKeyStatus.InStock,
        [(KeyStart.Ordered, KeyTransition.Issue)] = DigitalKeyStatus.Issued,
        [(KeyStart.Ordered, KeyTransition.Block)] = DigitalKeyStatus.Blocked,
        [(KeyStart.Ordered, KeyTransition.Retire)] = DigitalKeyStatus.Retired,
        [(KeyStart.InStock, KeyTransition.Issue)] = DigitalKeyStatus.Issued,
        [(KeyStart.InStock, KeyTransition.Block)] = DigitalKeyStatus.Blocked,
        [(KeyStart.InStock, KeyTransition.Retire)] = DigitalKeyStatus.Retired,
        [(KeyStart.InStock, KeyTransition.Move)] = DigitalKeyStatus.InStock,
        [(KeyStart.Issued, KeyTransition.Return)] = DigitalKeyStatus.InStock,
        [(KeyStart.Issued, KeyTransition.Block)] = DigitalKeyStatus.Blocked,
        [(KeyStart.Issued, KeyTransition.KeepAt)] = DigitalKeyStatus.Issued,
    };

    public static TheoryData<KeyStart, KeyTransition> Every()
    {
        var data = new TheoryData<KeyStart, KeyTransition>();
        foreach (var start in Enum.GetValues<KeyStart>())
        foreach (var transition in Enum.GetValues<KeyTransition>())
            data.Add(start, transition);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void Transition_FromEveryStatus_EndsWhereTheTableSaysOrIsRefusedAndChangesNothing(KeyStart start, KeyTransition transition)
    {
        var key = Key(start);
        var before = (key.Status, key.EmployeeId, key.Stock, key.KeptAt);

        var act = () => Apply(key, transition);

        if (Legal.TryGetValue((start, transition), out var after))
        {
            act();
            key.Status.ShouldBe(after);
        }
        else
        {
            act.ShouldThrow<RuleViolationException>();
            (key.Status, key.EmployeeId, key.Stock, key.KeptAt).ShouldBe(before);
        }
    }

    [Fact]
    public void Issue_ReadyKeyOrderedForSomeoneElse_IsRefused()
    {
        var key = DigitalKey.Order(Municipality, "NK-1", DigitalKeyKind.KeyFob, PublicKey(), Anna, "Enhetschefen");
        key.MakeReady();

        Should.Throw<RuleViolationException>(() => key.Issue(Guid.NewGuid(), Day, null)).Code.ShouldBe("digital-key-ordered-for-other");
        key.Issue(Anna, Day, null);
        key.Status.ShouldBe(DigitalKeyStatus.Issued);
    }

    [Fact]
    public void Return_ForgetsTheHolderAndThePlace_AndMovesToTheGivenStock()
    {
        var key = Key(KeyStart.Issued);

        key.Return(Day, KeyStock.StaffingUnit);

        key.EmployeeId.ShouldBeNull();
        key.KeptAt.ShouldBeNull();
        key.Stock.ShouldBe(KeyStock.StaffingUnit);
        key.ReturnedOn.ShouldBe(Day);
    }

    [Fact]
    public void Block_IssuedKey_IsFinalAndSaysToIssueANewKey()
    {
        var key = Key(KeyStart.Issued);
        key.Block("Tappad", new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc));

        key.CanOpen.ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => key.Issue(Anna, Day, null)).Message.ShouldContain("lämna ut en ny nyckel");
        Should.Throw<RuleViolationException>(() => key.Return(Day, KeyStock.AlarmCentre));
    }

    [Fact]
    public void Order_WithoutKey_CarriesAnOrderNumberAndGetsItsKeyWhenMadeReady()
    {
        var key = DigitalKey.Order(Municipality, DigitalKeyKind.PhoneApp, Anna, "Enhetschefen");

        key.KeyNumber.ShouldBe(DigitalKey.OrderNumberOf(key.Id));
        key.HasKeyMaterial.ShouldBeFalse();
        var publicKey = PublicKey();
        key.MakeReady("nk-77", publicKey);
        key.KeyNumber.ShouldBe("NK-77");
        key.HolderKeyHash.ShouldBe(SHA256.HashData(publicKey));
        key.EmployeeId.ShouldBe(Anna);
    }

    [Theory]
    [InlineData("Skåp 3, Centrum", "skåp 3, centrum", true)]
    [InlineData("  Skåp 3  ", "skåp 3", true)]
    [InlineData("Skåp 3", "Skåp 4", false)]
    [InlineData(null, "Skåp 4", false)]
    [InlineData("Skåp 3", null, false)]
    public void KeptTogether_SamePlaceWhateverTheCaseAndSpaces(string? keyPlace, string? devicePlace, bool together) =>
        DigitalKey.KeptTogether(keyPlace, devicePlace).ShouldBe(together);

    private static void Apply(DigitalKey key, KeyTransition transition)
    {
        switch (transition)
        {
            case KeyTransition.MakeReady:
                if (key.HasKeyMaterial) key.MakeReady(); else key.MakeReady("NK-2", PublicKey());
                break;
            case KeyTransition.Issue: key.Issue(Anna, Day, "Hemma"); break;
            case KeyTransition.Return: key.Return(Day, KeyStock.AlarmCentre); break;
            case KeyTransition.Block: key.Block("Stulen", new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc)); break;
            case KeyTransition.Retire: key.Retire(); break;
            case KeyTransition.Move: key.MoveStock(key.Stock == KeyStock.AlarmCentre ? KeyStock.StaffingUnit : KeyStock.AlarmCentre); break;
            case KeyTransition.KeepAt: key.KeepAt("Skåp 1"); break;
        }
    }

    private static DigitalKey Key(KeyStart start)
    {
        DigitalKey key;
        switch (start)
        {
            case KeyStart.Ordered: return DigitalKey.Order(Municipality, "NK-1", DigitalKeyKind.KeyFob, PublicKey(), Anna, "Enhetschefen");
            case KeyStart.OrderedWithoutKey: return DigitalKey.Order(Municipality, DigitalKeyKind.PhoneApp, Anna, "Enhetschefen");
            default: key = new DigitalKey(Municipality, "NK-1", DigitalKeyKind.PhoneApp, PublicKey(), KeyStock.AlarmCentre); break;
        }
        if (start == KeyStart.InStock) return key;
        key.Issue(Anna, Day, "Jackfickan");
        if (start == KeyStart.Blocked) key.Block("Tappad", new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc));
        if (start == KeyStart.Retired) { key.Return(Day, KeyStock.AlarmCentre); key.Retire(); }
        return key;
    }

    internal static byte[] PublicKey()
    {
        using var key = P256.CreateKey();
        return P256.ExportPublicKey(key);
    }
}
