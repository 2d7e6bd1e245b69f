using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

/// <summary>Reorder levels and the clients' original lock parts kept in store.</summary>
public class StockTests
{
    private readonly DeviceWorld _world = new();

    // ---- ReorderLevel ----

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10_000)]
    public void ReorderLevel_LevelWithinBounds_Kept(int level)
    {
        var model = _world.Model(DeviceKind.LockUnit);

        var reorder = new ReorderLevel(_world.Store, model, level);

        reorder.Level.ShouldBe(level);
        reorder.StockLocationId.ShouldBe(_world.Store.Id);
        reorder.DeviceModelId.ShouldBe(model.Id);
        reorder.MunicipalityId.ShouldBe(_world.MunicipalityId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void ReorderLevel_LevelOutOfBounds_ThrowsValidationOnLevel(int level) =>
        Should.Throw<ValidationFailedException>(() => new ReorderLevel(_world.Store, _world.Model(DeviceKind.LockUnit), level))
            .ShouldBeSingleError("Level", "Beställningsnivån ska vara mellan 0 och 10000.");

    [Fact]
    public void Change_OutOfBounds_ThrowsValidationAndKeepsOld()
    {
        var reorder = new ReorderLevel(_world.Store, _world.Model(DeviceKind.LockUnit), 5);

        Should.Throw<ValidationFailedException>(() => reorder.Change(-1));

        reorder.Level.ShouldBe(5);
    }

    [Fact]
    public void ReorderLevel_ModelOfAnotherMunicipality_ThrowsNotFound() =>
        Should.Throw<NotFoundException>(() => new ReorderLevel(_world.Store, new DeviceWorld().Model(DeviceKind.LockUnit), 5));

    [Theory]
    [InlineData(5, 0, true)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(5, 6, false)]
    [InlineData(0, 0, false)]
    public void IsBreachedBy_StockCount_OnlyBelowTheLevel(int level, int inStock, bool breached) =>
        new ReorderLevel(_world.Store, _world.Model(DeviceKind.LockUnit), level).IsBreachedBy(inStock).ShouldBe(breached);

    // ---- OriginalLockPart ----

    private static readonly DateOnly StoredOn = TestClock.Today.AddDays(-100);

    private OriginalLockPart NewPart()
    {
        var client = new ClientBuilder().InMunicipality(_world.MunicipalityId).Build();
        return new OriginalLockPart(client, _world.Store, "Ordinarie låsvred, mässing", "N-0042", StoredOn);
    }

    [Fact]
    public void OriginalLockPart_Constructor_InStoreTaggedToClient()
    {
        var client = new ClientBuilder().InMunicipality(_world.MunicipalityId).Build();

        var part = new OriginalLockPart(client, _world.Store, "Ordinarie låsvred", "Hylla 3", StoredOn);

        part.IsInStore.ShouldBeTrue();
        part.ClientId.ShouldBe(client.Id);
        part.StockLocationId.ShouldBe(_world.Store.Id);
        part.Tag.ShouldBe("Hylla 3");
        part.ReturnedOn.ShouldBeNull();
    }

    [Fact]
    public void OriginalLockPart_ShelfOfAnotherMunicipality_ThrowsNotFound()
    {
        var client = new ClientBuilder().InMunicipality(_world.MunicipalityId).Build();

        Should.Throw<NotFoundException>(() => new OriginalLockPart(client, new DeviceWorld().Store, "Låsvred", null, StoredOn));
    }

    [Fact]
    public void Return_InStore_ReturnedWithDateAndNote()
    {
        var part = NewPart();

        part.Return(TestClock.Today, "Monterat tillbaka på dörren");

        part.IsInStore.ShouldBeFalse();
        part.ReturnedOn.ShouldBe(TestClock.Today);
        part.ReturnNote.ShouldBe("Monterat tillbaka på dörren");
    }

    [Fact]
    public void Return_SameDayAsStored_Returned()
    {
        var part = NewPart();

        part.Return(StoredOn, null);

        part.ReturnedOn.ShouldBe(StoredOn);
    }

    [Fact]
    public void Return_Twice_ThrowsLockPartReturnedAndKeepsFirstReturn()
    {
        var part = NewPart();
        part.Return(TestClock.Today.AddDays(-1), "Första");

        var error = Should.Throw<RuleViolationException>(() => part.Return(TestClock.Today, "Andra"));

        error.Code.ShouldBe("lock-part-returned");
        error.Message.ShouldBe("Låsdelarna är redan återlämnade.");
        part.ReturnedOn.ShouldBe(TestClock.Today.AddDays(-1));
        part.ReturnNote.ShouldBe("Första");
    }

    [Fact]
    public void Return_BeforeStoredDate_ThrowsValidationOnReturnedOnAndStaysInStore()
    {
        var part = NewPart();

        Should.Throw<ValidationFailedException>(() => part.Return(StoredOn.AddDays(-1), null))
            .ShouldBeSingleError("ReturnedOn", "Återlämningsdatum kan inte ligga före datumet då delarna lagrades.");
        part.IsInStore.ShouldBeTrue();
    }

    [Fact]
    public void MoveTo_InStore_ChangesShelf()
    {
        var part = NewPart();

        part.MoveTo(_world.AlarmCentre);

        part.StockLocationId.ShouldBe(_world.AlarmCentre.Id);
        part.StockLocation.ShouldBeSameAs(_world.AlarmCentre);
    }

    [Fact]
    public void MoveTo_AfterReturn_ThrowsLockPartReturnedAndKeepsShelf()
    {
        var part = NewPart();
        part.Return(TestClock.Today, null);

        Should.Throw<RuleViolationException>(() => part.MoveTo(_world.AlarmCentre)).Code.ShouldBe("lock-part-returned");
        part.StockLocationId.ShouldBe(_world.Store.Id);
    }

    [Fact]
    public void MoveTo_ShelfOfAnotherMunicipality_ThrowsNotFoundAndKeepsShelf()
    {
        var part = NewPart();

        Should.Throw<NotFoundException>(() => part.MoveTo(new DeviceWorld().Store));
        part.StockLocationId.ShouldBe(_world.Store.Id);
    }
}
