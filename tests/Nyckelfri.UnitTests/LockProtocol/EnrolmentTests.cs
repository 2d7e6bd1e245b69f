using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>Device-key enrolment proofs against docs/lock-protocol.md, "Device-key enrolment".</summary>
public class EnrolmentTests
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Guid KeyId = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void SignedBytes_LaidOutAsDocumented()
    {
        var challenge = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var publicKey = new byte[65];
        publicKey[0] = 0x04;
        publicKey[64] = 0xAB;

        var bytes = Enrolment.SignedBytes(challenge, KeyId, publicKey);

        var tag = Encoding.ASCII.GetBytes("nyckelfri/device-key-enrolment/v1");
        bytes.Length.ShouldBe(tag.Length + 32 + 16 + 65);
        bytes[..tag.Length].ShouldBe(tag);
        bytes[tag.Length..(tag.Length + 32)].ShouldBe(challenge);
        Convert.ToHexString(bytes[(tag.Length + 32)..(tag.Length + 48)]).ShouldBe("0193A1B2C3D47E5F8A9B0C1D2E3F4A5B");
        bytes[(tag.Length + 48)..].ShouldBe(publicKey);
    }

    [Fact]
    public void Verify_TheProofOfTheKeyOverThisChallengeAndKey_Accepted()
    {
        using var device = P256.CreateKey();
        var challenge = RandomNumberGenerator.GetBytes(Enrolment.ChallengeLength);

        var proof = Enrolment.Prove(device, challenge, KeyId);

        Enrolment.IsLowS(proof).ShouldBeTrue();
        Enrolment.Verify(P256.ExportPublicKey(device), challenge, KeyId, proof).ShouldBeTrue();
    }

    [Fact]
    public void Verify_AnotherChallengeKeyIdOrPublicKey_Refused()
    {
        using var device = P256.CreateKey();
        using var other = P256.CreateKey();
        var challenge = RandomNumberGenerator.GetBytes(Enrolment.ChallengeLength);
        var proof = Enrolment.Prove(device, challenge, KeyId);

        Enrolment.Verify(P256.ExportPublicKey(device), RandomNumberGenerator.GetBytes(32), KeyId, proof).ShouldBeFalse();
        Enrolment.Verify(P256.ExportPublicKey(device), challenge, Guid.NewGuid(), proof).ShouldBeFalse();
        Enrolment.Verify(P256.ExportPublicKey(other), challenge, KeyId, proof).ShouldBeFalse();
        Enrolment.Verify(new byte[65], challenge, KeyId, proof).ShouldBeFalse();
        Enrolment.Verify(P256.ExportPublicKey(device), challenge, KeyId, proof[..63]).ShouldBeFalse();
    }

    [Fact]
    public void Verify_TheHighSTwinOfAValidProof_Refused()
    {
        using var device = P256.CreateKey();
        var challenge = RandomNumberGenerator.GetBytes(Enrolment.ChallengeLength);
        var proof = Enrolment.Prove(device, challenge, KeyId);
        var s = new BigInteger(proof.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var high = proof.ToArray();
        var twin = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(high, 32, 32);
        twin.CopyTo(high, 64 - twin.Length);

        // The same signature mathematically (the platform accepts it), but not the one encoding.
        device.VerifyData(Enrolment.SignedBytes(challenge, KeyId, P256.ExportPublicKey(device)), high, HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
        Enrolment.Verify(P256.ExportPublicKey(device), challenge, KeyId, high).ShouldBeFalse();
        Enrolment.NormaliseLowS(high).ShouldBe(proof);
    }

    [Fact]
    public void ResponseTagAndVersion_AreTheProtocols()
    {
        Enrolment.ResponseVersion.ShouldBe(Protocol.Version);
        Encoding.ASCII.GetBytes(Enrolment.ResponseTag).ShouldBe(Protocol.ResponseTag);
    }
}
