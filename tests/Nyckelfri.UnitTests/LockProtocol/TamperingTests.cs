using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class TamperingTests
{
    [Fact]
    public void Verify_AnyCredentialByteFlippedAndAnsweredByTheHolder_NeverAccepted()
    {
        using var world = new LockWorld();
        var original = world.Credential().ToArray();

        for (var i = 0; i < original.Length; i++)
        {
            var tampered = (byte[])original.Clone();
            tampered[i] ^= 0x01;
            if (!Credential.TryDecode(tampered, out var credential, out var reason))
            {
                reason.ShouldBeOneOf(RefusalReason.Malformed, RefusalReason.UnsupportedVersion);
                continue;
            }
            // The holder signs over the altered credential itself, as a phone owner would who edits
            // the window or the lock id: only the issuer's signature stands in the way.
            var challenge = world.Lock.IssueChallenge();
            var response = Response.Sign(world.HolderKey, challenge.LockId, challenge.Nonce, credential);

            world.Lock.Verify(response.Encoded).Accepted.ShouldBeFalse($"byte {i} flipped");
        }
    }

    [Fact]
    public void Verify_AnyResponseByteFlipped_NeverAcceptedNeverThrows()
    {
        using var world = new LockWorld();
        var credential = world.Credential();

        var length = world.Answer(credential).Length;
        for (var i = 0; i < length; i++)
        {
            var tampered = world.Answer(credential);
            tampered[i] ^= 0x80;

            world.Lock.Verify(tampered).Accepted.ShouldBeFalse($"byte {i} flipped");
        }
    }

    [Fact]
    public void Verify_HolderSignatureAltered_RefusedHolderSignatureInvalid()
    {
        using var world = new LockWorld();
        var response = world.Answer();
        response[^1] ^= 0x01;

        world.Lock.Verify(response).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
    }

    [Fact]
    public void Verify_ResponseSignedByAnotherDevice_RefusedHolderSignatureInvalid()
    {
        // A stolen credential without the phone it is bound to.
        using var world = new LockWorld();
        using var thiefKey = P256.CreateKey();
        var challenge = world.Lock.IssueChallenge();

        var response = Response.Sign(thiefKey, challenge.LockId, challenge.Nonce, world.Credential());

        world.Lock.Verify(response.Encoded).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
    }

    [Fact]
    public void Verify_HolderKeyInCredentialReplacedByThiefsKey_RefusedIssuerSignatureInvalid()
    {
        using var world = new LockWorld();
        using var thiefKey = P256.CreateKey();
        var bytes = world.Credential().ToArray();
        var keyAt = bytes.AsSpan().IndexOf(world.Holder.PublicKey);
        P256.ExportPublicKey(thiefKey).CopyTo(bytes, keyAt);
        Credential.TryDecode(bytes, out var substituted, out _).ShouldBeTrue();
        var challenge = world.Lock.IssueChallenge();

        var response = Response.Sign(thiefKey, challenge.LockId, challenge.Nonce, substituted!);

        world.Lock.Verify(response.Encoded).Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [Fact]
    public void Verify_SignatureOverAnotherLocksNonce_RefusedHolderSignatureInvalid()
    {
        // The phone answered lock A's challenge; an attacker relays that answer with lock B's nonce.
        using var world = new LockWorld();
        var credential = world.Credential();
        var elsewhere = new Challenge(Guid.CreateVersion7(), world.Lock.IssueChallenge().Nonce, world.Clock.Now);

        var response = world.Holder.Answer(elsewhere, credential);

        world.Lock.Verify(response.Encoded).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
    }

    [Fact]
    public void Verify_ResponseWithSwappedCredentialOfSameHolder_RefusedHolderSignatureInvalid()
    {
        // The holder's signature covers the credential's hash: another credential cannot be slipped in.
        using var world = new LockWorld();
        var challenge = world.Lock.IssueChallenge();
        var signed = world.Holder.Answer(challenge, world.Credential());
        var other = world.Credential(from: LockWorld.ShiftStart.AddMinutes(5));

        var swapped = DocumentedFormat.Response(world.HolderKey, world.LockId, challenge.Nonce.ToArray(), other.ToArray());
        signed.HolderSignature.CopyTo(swapped.AsSpan(swapped.Length - 64));

        world.Lock.Verify(swapped).Reason.ShouldBe(RefusalReason.HolderSignatureInvalid);
    }

    [Theory]
    [InlineData(1)] // version 1 was never in a lock in the field; a v2 lock refuses it
    [InlineData(3)]
    public void Decode_CredentialWithAnotherVersion_UnsupportedVersion(byte version)
    {
        using var world = new LockWorld();
        var bytes = world.Credential().ToArray();
        bytes[1] = version;

        Credential.TryDecode(bytes, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(RefusalReason.UnsupportedVersion);
    }

    [Fact]
    public void Holder_AnswerWithCredentialOfAnotherDevice_Throws()
    {
        using var world = new LockWorld();
        using var otherKey = P256.CreateKey();
        var credential = world.Issuer.Issue(world.EmployeeId, P256.ExportPublicKey(otherKey), world.LockId,
            LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        Should.Throw<ArgumentException>(() => world.Holder.Answer(world.Lock.IssueChallenge(), credential));
    }
}
