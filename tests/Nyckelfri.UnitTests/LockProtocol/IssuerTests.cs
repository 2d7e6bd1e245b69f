using System.Security.Cryptography;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class IssuerTests
{
    [Fact]
    public void Issue_UntilMinusFrom43199Seconds_Issued_SoTheWindowHolds43200InclusiveSeconds()
    {
        using var world = new LockWorld();

        var credential = world.Credential(validity: TimeSpan.FromSeconds(43_199));

        credential.Validity.ShouldBe(Protocol.MaxValidity);
        ((credential.ValidUntil - credential.ValidFrom).TotalSeconds + 1).ShouldBe(12 * 60 * 60);
    }

    [Fact]
    public void Issue_UntilMinusFrom43200Seconds_Throws()
    {
        using var world = new LockWorld();

        Should.Throw<ArgumentOutOfRangeException>(() => world.Credential(validity: TimeSpan.FromSeconds(43_200)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Issue_EndingBeforeOrAtStart_Throws(int validitySeconds)
    {
        using var world = new LockWorld();

        Should.Throw<ArgumentOutOfRangeException>(() => world.Credential(validity: TimeSpan.FromSeconds(validitySeconds)));
    }

    [Fact]
    public void Issue_FractionalSeconds_CutToWholeSeconds()
    {
        using var world = new LockWorld();

        var credential = world.Credential(from: LockWorld.ShiftStart.AddMilliseconds(900), validity: TimeSpan.FromHours(1));

        credential.ValidFrom.ShouldBe(LockWorld.ShiftStart);
        credential.ValidUntil.ShouldBe(LockWorld.ShiftStart.AddHours(1));
    }

    [Fact]
    public void Issue_DeviceKeyNotAPoint_Throws()
    {
        using var world = new LockWorld();
        var notAKey = new byte[65];
        notAKey[0] = 0x04;

        Should.Throw<ArgumentException>(() => world.Issuer.Issue(world.EmployeeId, notAKey, world.LockId,
            LockWorld.ShiftStart, LockWorld.ShiftStart.AddHours(1)));
    }

    [Fact]
    public void Issue_Twice_DifferentRandomIds()
    {
        using var world = new LockWorld();

        world.Credential().CredentialId.ShouldNotBe(world.Credential().CredentialId);
    }

    [Fact]
    public void Constructor_KeyOnAnotherCurve_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Should.Throw<ArgumentException>(() => new Issuer("k1", p384));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("åäö")]
    [InlineData("a-key-id-that-is-longer-than-32-chars")]
    public void Constructor_BadKeyId_Throws(string keyId)
    {
        using var key = P256.CreateKey();

        Should.Throw<ArgumentException>(() => new Issuer(keyId, key));
    }

    [Fact]
    public void Verify_ThirteenHourCredentialFromAMisbehavingIssuer_RefusedValidityTooLong()
    {
        // The issuer's own check is bypassed by building the bytes by hand with the issuer's key.
        using var world = new LockWorld();
        var bytes = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, Guid.NewGuid(), world.EmployeeId,
            world.Holder.PublicKey, world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart.AddHours(13));
        Credential.TryDecode(bytes, out var credential, out _).ShouldBeTrue();

        world.Open(credential).Reason.ShouldBe(RefusalReason.ValidityTooLong);
    }
}
