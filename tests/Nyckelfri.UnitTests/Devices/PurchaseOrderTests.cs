using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

public class PurchaseOrderTests
{
    private readonly DeviceWorld _world = new();

    private PurchaseOrder NewOrder() => new(_world.MunicipalityId, 7, "Låsleverantören AB", TestClock.Today, _world.Store);

    private PurchaseOrder OrderOf(params (DeviceModel Model, int Quantity)[] lines)
    {
        var order = NewOrder();
        foreach (var (model, quantity) in lines) order.AddLine(model, quantity);
        return order;
    }

    [Fact]
    public void Constructor_Order_OpenWithReference()
    {
        var order = NewOrder();

        order.Status.ShouldBe(PurchaseOrderStatus.Open);
        order.Reference.ShouldBe("B-0007");
        order.DeliverToId.ShouldBe(_world.Store.Id);
        order.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_DeliveryPlaceOfAnotherMunicipality_ThrowsNotFound() =>
        Should.Throw<NotFoundException>(() =>
            new PurchaseOrder(_world.MunicipalityId, 1, "Låsleverantören AB", TestClock.Today, new DeviceWorld().Store));

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(1000)]
    public void AddLine_QuantityWithinBounds_AddsLine(int quantity)
    {
        var order = NewOrder();
        var model = _world.Model(DeviceKind.LockUnit);

        order.AddLine(model, quantity);

        var line = order.Lines.ShouldHaveSingleItem();
        line.DeviceModelId.ShouldBe(model.Id);
        line.Ordered.ShouldBe(quantity);
        line.Delivered.ShouldBe(0);
        line.Remaining.ShouldBe(quantity);
        line.MunicipalityId.ShouldBe(_world.MunicipalityId);
        line.PurchaseOrderId.ShouldBe(order.Id);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(1001)]
    public void AddLine_QuantityOutOfBounds_ThrowsValidationOnQuantity(int quantity)
    {
        var order = NewOrder();

        Should.Throw<ValidationFailedException>(() => order.AddLine(_world.Model(DeviceKind.LockUnit), quantity))
            .ShouldBeSingleError("Quantity", "Antalet ska vara mellan 1 och 1000.");
        order.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void AddLine_ModelAlreadyOnOrder_ThrowsValidationOnModel()
    {
        var model = _world.Model(DeviceKind.KeySafe);
        var order = OrderOf((model, 5));

        Should.Throw<ValidationFailedException>(() => order.AddLine(model, 3))
            .ShouldBeSingleError("DeviceModelId", "Nyckelgömma 3 finns redan på beställningen.");
        order.Lines.ShouldHaveSingleItem().Ordered.ShouldBe(5);
    }

    [Fact]
    public void AddLine_ModelOfAnotherMunicipality_ThrowsNotFound()
    {
        var order = NewOrder();

        Should.Throw<NotFoundException>(() => order.AddLine(new DeviceWorld().Model(DeviceKind.LockUnit), 5));
        order.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void AddLine_CancelledOrder_ThrowsPurchaseOrderClosed()
    {
        var order = NewOrder();
        order.Cancel();

        Should.Throw<RuleViolationException>(() => order.AddLine(_world.Model(DeviceKind.LockUnit), 5))
            .Code.ShouldBe("purchase-order-closed");
    }

    [Fact]
    public void Receive_PartOfTheLine_CountsAndStaysOpen()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));

        order.Receive(model.Id, 3);

        order.Status.ShouldBe(PurchaseOrderStatus.Open);
        order.Lines[0].Delivered.ShouldBe(3);
        order.Lines[0].Remaining.ShouldBe(7);
    }

    [Fact]
    public void Receive_RestOfTheOnlyLine_Delivered()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));
        order.Receive(model.Id, 3);

        order.Receive(model.Id, 7);

        order.Status.ShouldBe(PurchaseOrderStatus.Delivered);
        order.Lines[0].Remaining.ShouldBe(0);
    }

    [Fact]
    public void Receive_OneOfTwoLinesComplete_StaysOpenUntilBothAre()
    {
        var locks = _world.Model(DeviceKind.LockUnit);
        var safes = _world.Model(DeviceKind.KeySafe);
        var order = OrderOf((locks, 4), (safes, 2));

        order.Receive(locks.Id, 4);
        order.Status.ShouldBe(PurchaseOrderStatus.Open);

        order.Receive(safes.Id, 2);
        order.Status.ShouldBe(PurchaseOrderStatus.Delivered);
    }

    [Fact]
    public void Receive_MoreThanRemains_ThrowsValidationAndCountsNothing()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));
        order.Receive(model.Id, 8);

        Should.Throw<ValidationFailedException>(() => order.Receive(model.Id, 3))
            .ShouldBeSingleError("SerialNumbers", "Leveransen har 3 enheter men bara 2 återstår av den modellen på beställning B-0007.");
        order.Lines[0].Delivered.ShouldBe(8);
        order.Status.ShouldBe(PurchaseOrderStatus.Open);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Receive_NoOrNegativeQuantity_ThrowsValidationAndCountsNothing(int quantity)
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));
        order.Receive(model.Id, 4);

        Should.Throw<ValidationFailedException>(() => order.Receive(model.Id, quantity))
            .ShouldBeSingleError("SerialNumbers", "Leveransen måste ha minst en enhet.");
        order.Lines[0].Delivered.ShouldBe(4);
    }

    [Fact]
    public void Receive_ModelNotOnOrder_ThrowsValidationOnModel()
    {
        var order = OrderOf((_world.Model(DeviceKind.LockUnit), 10));

        Should.Throw<ValidationFailedException>(() => order.Receive(_world.Model(DeviceKind.LockUnit).Id, 1))
            .ShouldBeSingleError("DeviceModelId", "Modellen finns inte på beställning B-0007.");
        order.Lines[0].Delivered.ShouldBe(0);
    }

    [Fact]
    public void Receive_CancelledOrder_ThrowsPurchaseOrderClosed()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));
        order.Cancel();

        var error = Should.Throw<RuleViolationException>(() => order.Receive(model.Id, 1));

        error.Code.ShouldBe("purchase-order-closed");
        error.Message.ShouldBe("Beställning B-0007 är makulerad.");
        order.Lines[0].Delivered.ShouldBe(0);
    }

    [Fact]
    public void Receive_DeliveredOrder_ThrowsPurchaseOrderClosed()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 2));
        order.Receive(model.Id, 2);

        var error = Should.Throw<RuleViolationException>(() => order.Receive(model.Id, 1));

        error.Code.ShouldBe("purchase-order-closed");
        error.Message.ShouldBe("Beställning B-0007 är redan levererad.");
    }

    [Fact]
    public void Cancel_PartlyDelivered_CancelledAndKeepsWhatCame()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 10));
        order.Receive(model.Id, 6);

        order.Cancel();

        order.Status.ShouldBe(PurchaseOrderStatus.Cancelled);
        order.Lines[0].Delivered.ShouldBe(6);
    }

    [Fact]
    public void Cancel_Twice_ThrowsPurchaseOrderClosed()
    {
        var order = NewOrder();
        order.Cancel();

        var error = Should.Throw<RuleViolationException>(order.Cancel);

        error.Code.ShouldBe("purchase-order-closed");
        error.Message.ShouldBe("Beställning B-0007 är inte öppen och kan inte makuleras.");
        order.Status.ShouldBe(PurchaseOrderStatus.Cancelled);
    }

    [Fact]
    public void Cancel_Delivered_ThrowsPurchaseOrderClosedAndStaysDelivered()
    {
        var model = _world.Model(DeviceKind.LockUnit);
        var order = OrderOf((model, 1));
        order.Receive(model.Id, 1);

        Should.Throw<RuleViolationException>(order.Cancel).Code.ShouldBe("purchase-order-closed");
        order.Status.ShouldBe(PurchaseOrderStatus.Delivered);
    }

    [Theory]
    [InlineData(1, "B-0001")]
    [InlineData(123, "B-0123")]
    [InlineData(12345, "B-12345")]
    public void FormatNumber_Number_PaddedToFourDigits(int number, string expected) =>
        PurchaseOrder.FormatNumber(number).ShouldBe(expected);
}
