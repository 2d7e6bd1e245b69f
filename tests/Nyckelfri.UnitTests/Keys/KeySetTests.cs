using Nyckelfri.Common;
using Nyckelfri.Keys;

namespace Nyckelfri.UnitTests.Keys;

public class KeySetTests
{
    private readonly KeyWorld _world = new();

    private sealed record Snapshot(KeySetStatus Status, Guid? HolderUnitId, string? Note, int KeyCount, string KeyNumber)
    {
        public static Snapshot Of(KeySet set) => new(set.Status, set.HolderUnitId, set.Note, set.KeyCount, set.KeyNumber);
    }

    private KeySet SetIn(KeySetStatus status)
    {
        var set = _world.Set();
        if (status == KeySetStatus.ReturnedToClient) set.ReturnToClient();
        if (status == KeySetStatus.Lost) set.ReportLost("Tappad på bussen");
        return set;
    }

    [Fact]
    public void Constructor_ClientHandsOverKeys_WithHolder()
    {
        var set = _world.Set(keyCount: 2);

        set.Status.ShouldBe(KeySetStatus.WithHolder);
        set.HolderUnitId.ShouldBe(_world.HomeCare.Id);
        set.HolderUnit.ShouldBeSameAs(_world.HomeCare);
        set.ClientId.ShouldBe(_world.Client.Id);
        set.MunicipalityId.ShouldBe(_world.Client.MunicipalityId);
        set.KeyNumber.ShouldBe("N-0042");
        set.KeyCount.ShouldBe(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Constructor_KeyCountWithinBounds_Kept(int count) =>
        _world.Set(count).KeyCount.ShouldBe(count);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(11)]
    public void Constructor_KeyCountOutOfBounds_ThrowsValidationOnKeyCount(int count) =>
        Should.Throw<ValidationFailedException>(() => _world.Set(count))
            .ShouldBeSingleError("KeyCount", "Antal nycklar ska vara mellan 1 och 10.");

    [Fact]
    public void Constructor_UnitOfAnotherMunicipality_ThrowsNotFound() =>
        Should.Throw<NotFoundException>(() => new KeySet(_world.Client, "N-1", 1, new KeyWorld().HomeCare));

    [Fact]
    public void TransferTo_AnotherUnit_NewHolder()
    {
        var set = _world.Set();

        set.TransferTo(_world.AlarmGroup);

        set.Status.ShouldBe(KeySetStatus.WithHolder);
        set.HolderUnitId.ShouldBe(_world.AlarmGroup.Id);
        set.HolderUnit.ShouldBeSameAs(_world.AlarmGroup);
    }

    [Fact]
    public void TransferTo_TheUnitHoldingIt_ThrowsValidationOnToUnit()
    {
        var set = _world.Set();

        Should.Throw<ValidationFailedException>(() => set.TransferTo(_world.HomeCare))
            .ShouldBeSingleError("ToUnitId", "Nycklarna finns redan hos den enheten.");
        set.HolderUnitId.ShouldBe(_world.HomeCare.Id);
    }

    [Fact]
    public void TransferTo_UnitOfAnotherMunicipality_ThrowsNotFoundAndKeepsHolder()
    {
        var set = _world.Set();

        Should.Throw<NotFoundException>(() => set.TransferTo(new KeyWorld().AlarmGroup));
        set.HolderUnitId.ShouldBe(_world.HomeCare.Id);
    }

    [Fact]
    public void ReturnToClient_WithHolder_ReturnedAndNoHolder()
    {
        var set = _world.Set();

        set.ReturnToClient();

        set.Status.ShouldBe(KeySetStatus.ReturnedToClient);
        set.HolderUnitId.ShouldBeNull();
        set.HolderUnit.ShouldBeNull();
    }

    [Fact]
    public void HandOutAgain_Returned_WithTheNewHolder()
    {
        var set = SetIn(KeySetStatus.ReturnedToClient);

        set.HandOutAgain(_world.AlarmGroup);

        set.Status.ShouldBe(KeySetStatus.WithHolder);
        set.HolderUnitId.ShouldBe(_world.AlarmGroup.Id);
    }

    [Fact]
    public void HandOutAgain_UnitOfAnotherMunicipality_ThrowsNotFoundAndStaysReturned()
    {
        var set = SetIn(KeySetStatus.ReturnedToClient);

        Should.Throw<NotFoundException>(() => set.HandOutAgain(new KeyWorld().HomeCare));
        set.Status.ShouldBe(KeySetStatus.ReturnedToClient);
        set.HolderUnitId.ShouldBeNull();
    }

    [Fact]
    public void ReportLost_WithHolder_LostWithNote()
    {
        var set = _world.Set();

        set.ReportLost("Tappad vid besök");

        set.Status.ShouldBe(KeySetStatus.Lost);
        set.Note.ShouldBe("Tappad vid besök");
    }

    public static TheoryData<KeySetStatus, string> IllegalTransitions => new()
    {
        { KeySetStatus.WithHolder, "HandOutAgain" },
        { KeySetStatus.ReturnedToClient, "TransferTo" },
        { KeySetStatus.ReturnedToClient, "ReturnToClient" },
        { KeySetStatus.ReturnedToClient, "ReportLost" },
        { KeySetStatus.Lost, "TransferTo" },
        { KeySetStatus.Lost, "ReturnToClient" },
        { KeySetStatus.Lost, "HandOutAgain" },
        { KeySetStatus.Lost, "ReportLost" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Transition_NotAllowedFromStatus_ThrowsIllegalTransitionAndSetUnchanged(KeySetStatus status, string transition)
    {
        var set = SetIn(status);
        var before = Snapshot.Of(set);

        Action act = transition switch
        {
            "TransferTo" => () => set.TransferTo(_world.AlarmGroup),
            "ReturnToClient" => set.ReturnToClient,
            "HandOutAgain" => () => set.HandOutAgain(_world.AlarmGroup),
            "ReportLost" => () => set.ReportLost("Borta"),
            _ => throw new ArgumentOutOfRangeException(nameof(transition)),
        };

        Should.Throw<RuleViolationException>(act).Code.ShouldBe("key-set-illegal-transition");
        Snapshot.Of(set).ShouldBe(before);
    }

    [Fact]
    public void TransferTo_Lost_SwedishMessageNamesKeyNumberAndStatus()
    {
        var set = SetIn(KeySetStatus.Lost);

        Should.Throw<RuleViolationException>(() => set.TransferTo(_world.AlarmGroup))
            .Message.ShouldBe("Nyckeluppsättning N-0042 är förlorad och kan inte lämnas över.");
    }

    [Fact]
    public void HandOutAgain_WithHolder_SwedishMessage()
    {
        var set = _world.Set();

        Should.Throw<RuleViolationException>(() => set.HandOutAgain(_world.AlarmGroup))
            .Message.ShouldBe("Nyckeluppsättning N-0042 är hos enhet och kan inte lämnas ut igen.");
    }
}
