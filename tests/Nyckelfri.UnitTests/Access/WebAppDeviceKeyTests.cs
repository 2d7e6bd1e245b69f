using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.Access;

/// <summary>
/// A web-app key gets its device key from the employee's browser after it is handed out (issue 12):
/// registered and issued without one, enrolled once, replaced with the old key's hash returned for the
/// revocation list; no other kind and no key that is not issued takes a device key this way.
/// </summary>
public class WebAppDeviceKeyTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static DigitalKey IssuedWebAppKey()
    {
        var key = new DigitalKey(Municipality, "WEB-1", DigitalKeyKind.WebApp, [], KeyStock.AlarmCentre);
        key.Issue(Anna, Day, null);
        return key;
    }

    [Fact]
    public void Issue_WebAppKeyWithoutADeviceKey_IsIssuedAndHasNoKeyMaterial()
    {
        var key = IssuedWebAppKey();

        key.Status.ShouldBe(DigitalKeyStatus.Issued);
        key.HasKeyMaterial.ShouldBeFalse();
        key.HolderKeyHash.ShouldBeEmpty();
    }

    [Fact]
    public void EnrolDeviceKey_First_RecordsTheKeyAndReplacesNothing()
    {
        var key = IssuedWebAppKey();
        using var browser = P256.CreateKey();

        var replaced = key.EnrolDeviceKey(P256.ExportPublicKey(browser));

        replaced.ShouldBeNull();
        key.HolderPublicKey.ShouldBe(P256.ExportPublicKey(browser));
        key.HolderKeyHash.ShouldBe(P256.KeyHash(P256.ExportPublicKey(browser)));
    }

    [Fact]
    public void EnrolDeviceKey_Again_ReturnsTheOldKeysHashForTheRevocationList()
    {
        var key = IssuedWebAppKey();
        using var oldPhone = P256.CreateKey();
        using var newPhone = P256.CreateKey();
        key.EnrolDeviceKey(P256.ExportPublicKey(oldPhone));

        var replaced = key.EnrolDeviceKey(P256.ExportPublicKey(newPhone));

        replaced.ShouldBe(P256.KeyHash(P256.ExportPublicKey(oldPhone)));
        key.HolderPublicKey.ShouldBe(P256.ExportPublicKey(newPhone));
    }

    [Fact]
    public void EnrolDeviceKey_PhoneAppKeyOrAKeyNotIssued_IsRefusedAndChangesNothing()
    {
        using var device = P256.CreateKey();
        var phone = new DigitalKey(Municipality, "APP-1", DigitalKeyKind.PhoneApp, P256.ExportPublicKey(device), KeyStock.AlarmCentre);
        phone.Issue(Anna, Day, null);
        var onShelf = new DigitalKey(Municipality, "WEB-2", DigitalKeyKind.WebApp, [], KeyStock.AlarmCentre);
        using var browser = P256.CreateKey();

        Should.Throw<RuleViolationException>(() => phone.EnrolDeviceKey(P256.ExportPublicKey(browser)));
        Should.Throw<RuleViolationException>(() => onShelf.EnrolDeviceKey(P256.ExportPublicKey(browser)));
        phone.HolderPublicKey.ShouldBe(P256.ExportPublicKey(device));
        onShelf.HasKeyMaterial.ShouldBeFalse();
    }

    [Fact]
    public void Issue_PhoneAppKeyWithoutADeviceKey_IsStillRefused()
    {
        var order = DigitalKey.Order(Municipality, DigitalKeyKind.PhoneApp, Anna, "Karin Wallin");

        Should.Throw<RuleViolationException>(() => order.Issue(Anna, Day, null));
    }

    [Fact]
    public void Block_IssuedWebAppKeyWithoutADeviceKey_IsBlocked()
    {
        var key = IssuedWebAppKey();

        key.Block("Medarbetaren slutade", new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc));

        key.Status.ShouldBe(DigitalKeyStatus.Blocked);
    }
}
