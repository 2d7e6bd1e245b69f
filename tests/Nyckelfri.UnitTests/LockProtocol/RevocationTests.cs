using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

public class RevocationTests
{
    [Fact]
    public void Verify_CredentialIdOnNewList_RefusedCredentialRevoked()
    {
        using var world = new LockWorld();
        var credential = world.Credential();
        world.Open(credential).Accepted.ShouldBeTrue();

        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now, credentialIds: [credential.CredentialId]).Encoded)
            .Applied.ShouldBeTrue();

        world.Open(credential).Reason.ShouldBe(RefusalReason.CredentialRevoked);
    }

    [Fact]
    public void Verify_HolderKeyOnNewList_EveryCredentialOfThatPhoneRefused()
    {
        using var world = new LockWorld();
        var before = world.Credential();
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now,
            holderKeyHashes: [P256.KeyHash(world.Holder.PublicKey)]).Encoded);

        world.Open(before).Reason.ShouldBe(RefusalReason.HolderKeyRevoked);
        world.Open(world.Credential()).Reason.ShouldBe(RefusalReason.HolderKeyRevoked);
    }

    [Fact]
    public void Verify_EmployeeOnNewList_RefusedEmployeeRevoked()
    {
        using var world = new LockWorld();
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now, employeeIds: [world.EmployeeId]).Encoded);

        world.Open().Reason.ShouldBe(RefusalReason.EmployeeRevoked);
    }

    [Fact]
    public void Verify_ListNamingOthers_Accepted()
    {
        using var world = new LockWorld();
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now,
            [Guid.NewGuid()], [new byte[32]], [Guid.NewGuid()]).Encoded);

        world.Open().Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Verify_NewerListWithoutTheEntry_AcceptedAgain()
    {
        // Lists are complete, not deltas: an entry left out of the newer list is lifted.
        using var world = new LockWorld();
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(1, world.Clock.Now, employeeIds: [world.EmployeeId]).Encoded);
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(2, world.Clock.Now).Encoded);

        world.Open().Accepted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(1)]
    public void ApplyRevocationList_SameOrOlderVersion_RefusedAndKeepsCurrent(long offered)
    {
        using var world = new LockWorld();
        world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(5, world.Clock.Now, employeeIds: [world.EmployeeId]).Encoded)
            .Applied.ShouldBeTrue();

        var result = world.Lock.ApplyRevocationList(world.Issuer.IssueRevocationList(offered, world.Clock.Now).Encoded);

        result.Reason.ShouldBe(RefusalReason.RevocationListNotNewer);
        result.CurrentVersion.ShouldBe(5);
        result.OfferedVersion.ShouldBe(offered);
        world.Lock.RevocationListVersion.ShouldBe(5);
        world.Open().Reason.ShouldBe(RefusalReason.EmployeeRevoked);
    }

    [Fact]
    public void ApplyRevocationList_SignedByUntrustedIssuer_RefusedUntrustedIssuer()
    {
        using var world = new LockWorld();
        using var otherKey = P256.CreateKey();
        var list = new Issuer("somebody-else", otherKey).IssueRevocationList(99, world.Clock.Now);

        world.Lock.ApplyRevocationList(list.Encoded).Reason.ShouldBe(RefusalReason.UntrustedIssuer);
        world.Lock.RevocationListVersion.ShouldBe(0);
    }

    [Fact]
    public void ApplyRevocationList_EntryRemovedInTransit_RefusedIssuerSignatureInvalid()
    {
        // A phone that strips its own key from the list it carries.
        using var world = new LockWorld();
        var hash = P256.KeyHash(world.Holder.PublicKey);
        var signed = world.Issuer.IssueRevocationList(3, world.Clock.Now, holderKeyHashes: [hash]).ToArray();
        var stripped = DocumentedFormat.RevocationList(world.IssuerKey, world.Issuer.KeyId, 3, world.Clock.Now, [], [], []);
        signed.AsSpan(signed.Length - 64).CopyTo(stripped.AsSpan(stripped.Length - 64));

        world.Lock.ApplyRevocationList(stripped).Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [Fact]
    public void DecodeRevocationList_EntriesOutOfOrder_Malformed()
    {
        using var world = new LockWorld();
        byte[] low = [.. new byte[15], 1], high = [.. new byte[15], 2];
        var unsorted = DocumentedFormat.RevocationList(world.IssuerKey, world.Issuer.KeyId, 1, world.Clock.Now, [high, low], [], []);
        var duplicated = DocumentedFormat.RevocationList(world.IssuerKey, world.Issuer.KeyId, 1, world.Clock.Now, [low, low], [], []);

        RevocationList.TryDecode(unsorted, out _, out var reason).ShouldBeFalse();
        reason.ShouldBe(RefusalReason.Malformed);
        RevocationList.TryDecode(duplicated, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void IssueRevocationList_DuplicatesAndAnyOrder_OneCanonicalEncoding()
    {
        using var world = new LockWorld();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();

        var first = world.Issuer.IssueRevocationList(1, world.Clock.Now, [a, b, a]);
        var second = world.Issuer.IssueRevocationList(1, world.Clock.Now, [b, a]);

        first.Encoded[..^64].SequenceEqual(second.Encoded[..^64]).ShouldBeTrue();
        first.CredentialIds.Count.ShouldBe(2);
        RevocationList.TryDecode(first.Encoded, out var decoded, out _).ShouldBeTrue();
        decoded!.CredentialIds.ShouldBe(first.CredentialIds);
    }

    [Fact]
    public void IssueRevocationList_VersionBelowOne_Throws()
    {
        using var world = new LockWorld();

        Should.Throw<ArgumentOutOfRangeException>(() => world.Issuer.IssueRevocationList(0, world.Clock.Now));
    }
}
