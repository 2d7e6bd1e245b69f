using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>The library against docs/lock-protocol.md: messages built from the document open the lock, and back.</summary>
public class WireFormatTests
{
    [Fact]
    public void Verify_CredentialAndResponseBuiltFromTheDocument_Accepted()
    {
        using var world = new LockWorld();
        var credentialId = Guid.NewGuid();
        var credential = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, credentialId, world.EmployeeId,
            world.Holder.PublicKey, world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift, kind: 2);
        var nonce = world.Lock.IssueChallenge().Nonce.ToArray();

        var result = world.Lock.Verify(DocumentedFormat.Response(world.HolderKey, world.LockId, nonce, credential));

        result.Accepted.ShouldBeTrue();
        result.Credential!.CredentialId.ShouldBe(credentialId);
        result.Credential.Kind.ShouldBe(CredentialKind.BreakGlass);
        result.Credential.ValidUntil.ShouldBe(LockWorld.ShiftStart + LockWorld.Shift);
    }

    [Fact]
    public void Issue_Credential_LaidOutAsDocumented()
    {
        using var world = new LockWorld();
        var credential = world.Credential();

        var documented = DocumentedFormat.Credential(world.IssuerKey, world.Issuer.KeyId, credential.CredentialId, world.EmployeeId,
            world.Holder.PublicKey, world.LockId, credential.ValidFrom, credential.ValidUntil);

        // ECDSA signatures are randomised: everything before the signature is identical.
        credential.Encoded[..^64].SequenceEqual(documented.AsSpan(0, documented.Length - 64)).ShouldBeTrue();
        credential.Encoded.Length.ShouldBe(1 + 1 + 16 + 1 + world.Issuer.KeyId.Length + 16 + 65 + 16 + 8 + 8 + 1 + 64);
    }

    [Fact]
    public void Answer_Response_LaidOutAsDocumented()
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        var challenge = world.Lock.IssueChallenge();

        var response = world.Holder.Answer(challenge, credential);
        var documented = DocumentedFormat.Response(world.HolderKey, world.LockId, challenge.Nonce.ToArray(), credential.ToArray());

        response.Encoded[..^64].SequenceEqual(documented.AsSpan(0, documented.Length - 64)).ShouldBeTrue();
    }

    [Fact]
    public void ApplyRevocationList_BuiltFromTheDocument_Applied()
    {
        using var world = new LockWorld();
        var hash = P256.KeyHash(world.Holder.PublicKey);
        var list = DocumentedFormat.RevocationList(world.IssuerKey, world.Issuer.KeyId, 7, world.Clock.Now, [], [hash], []);

        world.Lock.ApplyRevocationList(list).Applied.ShouldBeTrue();

        world.Lock.RevocationListVersion.ShouldBe(7);
        world.Open().Reason.ShouldBe(RefusalReason.HolderKeyRevoked);
    }

    [Fact]
    public void Decode_IssuedCredential_SameFields()
    {
        using var world = new LockWorld();
        var issued = world.Credential(kind: CredentialKind.BreakGlass, validity: TimeSpan.FromMinutes(30));

        Credential.TryDecode(issued.Encoded, out var decoded, out _).ShouldBeTrue();

        decoded!.ProtocolVersion.ShouldBe(Protocol.Version);
        decoded.CredentialId.ShouldBe(issued.CredentialId);
        decoded.IssuerKeyId.ShouldBe(issued.IssuerKeyId);
        decoded.EmployeeId.ShouldBe(world.EmployeeId);
        decoded.HolderPublicKey.SequenceEqual(world.Holder.PublicKey).ShouldBeTrue();
        decoded.LockId.ShouldBe(world.LockId);
        decoded.ValidFrom.ShouldBe(issued.ValidFrom);
        decoded.ValidUntil.ShouldBe(issued.ValidUntil);
        decoded.Kind.ShouldBe(CredentialKind.BreakGlass);
    }
}
