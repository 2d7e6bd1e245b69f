using System.Security.Cryptography;
using Nyckelfri.LockProtocol;
using Shouldly;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// Issuer-key rotation at the lock (docs/lock-protocol.md, "Issuer key set"): the lock learns a new key
/// from a set signed by a key it trusts, accepts credentials of the new key id, refuses unknown ones,
/// keeps accepting the old key's credentials until they expire, and forgets a retired key.
/// </summary>
public sealed class IssuerKeySetTests : IDisposable
{
    private readonly LockWorld _world = new();
    private readonly ECDsa _newKey = P256.CreateKey();
    private readonly Issuer _newIssuer;

    public IssuerKeySetTests() => _newIssuer = new Issuer("linkoping-2026-2", _newKey);

    private DateTimeOffset Now => _world.Clock.GetUtcNow();

    private IssuerKeySet Rotation(long version = 1, Issuer? signer = null) =>
        IssuerKeySet.Sign(signer ?? _world.Issuer, version, Now, [_world.Issuer.Trusted(), _newIssuer.Trusted()]);

    private Credential NewKeyCredential() =>
        _newIssuer.Issue(_world.EmployeeId, _world.Holder.PublicKey, _world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

    [Fact]
    public void ApplyIssuerKeySet_SignedByTrustedKeyAndNewer_NewKeyIdOpens()
    {
        _world.Open(NewKeyCredential()).Reason.ShouldBe(RefusalReason.UntrustedIssuer);

        var result = _world.Lock.ApplyIssuerKeySet(Rotation().Encoded);

        result.Applied.ShouldBeTrue();
        result.CurrentVersion.ShouldBe(1);
        _world.Lock.IssuerKeySetVersion.ShouldBe(1);
        _world.Lock.TrustedKeyIds.ShouldBe(["linkoping-2026-1", "linkoping-2026-2"]);
        _world.Open(NewKeyCredential()).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void ApplyIssuerKeySet_OldKeysCredential_OpensUntilItExpires()
    {
        var old = _world.Credential();
        _world.Lock.ApplyIssuerKeySet(Rotation()).Applied.ShouldBeTrue();

        _world.Open(old).Accepted.ShouldBeTrue();
        _world.Clock.Now = old.ValidUntil + Protocol.DefaultAllowedSkew;
        _world.Open(old).Accepted.ShouldBeTrue();
        _world.Clock.Now = old.ValidUntil + Protocol.DefaultAllowedSkew + TimeSpan.FromSeconds(1);
        _world.Open(old).Reason.ShouldBe(RefusalReason.Expired);
    }

    [Fact]
    public void ApplyIssuerKeySet_UnknownKeyId_StaysRefused()
    {
        using var strangerKey = P256.CreateKey();
        var stranger = new Issuer("linkoping-2026-9", strangerKey);
        _world.Lock.ApplyIssuerKeySet(Rotation()).Applied.ShouldBeTrue();

        var credential = stranger.Issue(_world.EmployeeId, _world.Holder.PublicKey, _world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        _world.Open(credential).Reason.ShouldBe(RefusalReason.UntrustedIssuer);
    }

    [Fact]
    public void ApplyIssuerKeySet_KnownKeyIdWithAnotherKey_SignatureRefused()
    {
        // A forger who knows the new key id but not its private half.
        using var forgedKey = P256.CreateKey();
        var forger = new Issuer("linkoping-2026-2", forgedKey);
        _world.Lock.ApplyIssuerKeySet(Rotation()).Applied.ShouldBeTrue();

        var credential = forger.Issue(_world.EmployeeId, _world.Holder.PublicKey, _world.LockId, LockWorld.ShiftStart, LockWorld.ShiftStart + LockWorld.Shift);

        _world.Open(credential).Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
    }

    [Fact]
    public void ApplyIssuerKeySet_SignedByUntrustedKey_RefusedAndTrustUnchanged()
    {
        var result = _world.Lock.ApplyIssuerKeySet(Rotation(signer: _newIssuer));

        result.Reason.ShouldBe(RefusalReason.UntrustedIssuer);
        result.CurrentVersion.ShouldBe(0);
        result.OfferedVersion.ShouldBe(1);
        _world.Lock.TrustedKeyIds.ShouldBe(["linkoping-2026-1"]);
        _world.Open(NewKeyCredential()).Reason.ShouldBe(RefusalReason.UntrustedIssuer);
    }

    [Fact]
    public void ApplyIssuerKeySet_ForgedSignatureUnderTrustedKeyId_Refused()
    {
        // Signed with another key that claims the trusted key id.
        using var forgedKey = P256.CreateKey();
        var forger = new Issuer(_world.Issuer.KeyId, forgedKey);

        var result = _world.Lock.ApplyIssuerKeySet(Rotation(signer: forger));

        result.Reason.ShouldBe(RefusalReason.IssuerSignatureInvalid);
        _world.Lock.IssuerKeySetVersion.ShouldBe(0);
    }

    [Fact]
    public void ApplyIssuerKeySet_NotNewer_RefusedAndTrustUnchanged()
    {
        _world.Lock.ApplyIssuerKeySet(Rotation(version: 5)).Applied.ShouldBeTrue();
        var older = IssuerKeySet.Sign(_world.Issuer, 4, Now, [_world.Issuer.Trusted()]);
        var same = IssuerKeySet.Sign(_world.Issuer, 5, Now, [_world.Issuer.Trusted()]);

        _world.Lock.ApplyIssuerKeySet(older).Reason.ShouldBe(RefusalReason.IssuerKeySetNotNewer);
        _world.Lock.ApplyIssuerKeySet(same).Reason.ShouldBe(RefusalReason.IssuerKeySetNotNewer);
        _world.Lock.IssuerKeySetVersion.ShouldBe(5);
        _world.Lock.TrustedKeyIds.ShouldBe(["linkoping-2026-1", "linkoping-2026-2"]);
    }

    [Fact]
    public void ApplyIssuerKeySet_RetiringSet_OldKeyIdRefusedNewOpens()
    {
        var old = _world.Credential();
        _world.Lock.ApplyIssuerKeySet(Rotation()).Applied.ShouldBeTrue();
        // After the overlap the new key signs; the set that drops the old key is signed by the new one.
        var retiring = IssuerKeySet.Sign(_newIssuer, 2, Now, [_newIssuer.Trusted()]);

        _world.Lock.ApplyIssuerKeySet(retiring).Applied.ShouldBeTrue();

        _world.Lock.TrustedKeyIds.ShouldBe(["linkoping-2026-2"]);
        _world.Open(old).Reason.ShouldBe(RefusalReason.UntrustedIssuer);
        _world.Open(NewKeyCredential()).Accepted.ShouldBeTrue();
        // The retired key can no longer move the lock's trust either.
        _world.Lock.ApplyIssuerKeySet(IssuerKeySet.Sign(_world.Issuer, 3, Now, [_world.Issuer.Trusted()]))
            .Reason.ShouldBe(RefusalReason.UntrustedIssuer);
    }

    [Fact]
    public void ApplyIssuerKeySet_RevocationListOfNewKey_Taken()
    {
        _world.Lock.ApplyIssuerKeySet(Rotation()).Applied.ShouldBeTrue();

        var list = _newIssuer.IssueRevocationList(1, Now, employeeIds: [_world.EmployeeId]);

        _world.Lock.ApplyRevocationList(list).Applied.ShouldBeTrue();
        _world.Open(NewKeyCredential()).Reason.ShouldBe(RefusalReason.EmployeeRevoked);
    }

    [Fact]
    public void ApplyIssuerKeySet_CommissionedAtVersion_TakesOnlyNewer()
    {
        using var commissioned = new LockVerifier(new LockConfiguration
        {
            LockId = _world.LockId,
            TrustedIssuers = [_world.Issuer.Trusted()],
            IssuerKeySetVersion = 3,
            Clock = _world.Clock,
        });

        commissioned.ApplyIssuerKeySet(Rotation(version: 3)).Reason.ShouldBe(RefusalReason.IssuerKeySetNotNewer);
        commissioned.ApplyIssuerKeySet(Rotation(version: 4)).Applied.ShouldBeTrue();
    }

    [Fact]
    public void ApplyIssuerKeySet_EveryByteFlipped_NeverTaken()
    {
        var encoded = Rotation().ToArray();
        for (var i = 0; i < encoded.Length; i++)
        {
            using var lockUnderTest = new LockVerifier(new LockConfiguration
            {
                LockId = _world.LockId, TrustedIssuers = [_world.Issuer.Trusted()], Clock = _world.Clock,
            });
            var altered = (byte[])encoded.Clone();
            altered[i] ^= 0x01;

            lockUnderTest.ApplyIssuerKeySet(altered).Applied.ShouldBeFalse($"byte {i}");
            lockUnderTest.TrustedKeyIds.ShouldBe(["linkoping-2026-1"]);
        }
    }

    [Fact]
    public void TryDecode_RoundTrip_SameFieldsAndBytes()
    {
        var set = Rotation(version: 7);

        IssuerKeySet.TryDecode(set.Encoded, out var decoded, out var reason).ShouldBeTrue();

        reason.ShouldBe(RefusalReason.None);
        decoded!.SetVersion.ShouldBe(7);
        decoded.SignerKeyId.ShouldBe("linkoping-2026-1");
        decoded.IssuedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(Now.ToUnixTimeSeconds()));
        decoded.Keys.Select(k => k.KeyId).ShouldBe(["linkoping-2026-1", "linkoping-2026-2"]);
        decoded.Keys[1].PublicKey.ShouldBe(_newIssuer.Trusted().PublicKey);
        decoded.ToArray().ShouldBe(set.ToArray());
    }

    [Fact]
    public void TryDecode_Layout_AsDocumented()
    {
        var set = Rotation(version: 2);
        var bytes = set.ToArray();
        var signer = "linkoping-2026-1"u8.ToArray();

        bytes[0].ShouldBe((byte)0x06);
        bytes[1].ShouldBe(Protocol.Version);
        bytes[2].ShouldBe((byte)signer.Length);
        var at = 3 + signer.Length;
        System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(at)).ShouldBe(2);
        bytes[at + 16].ShouldBe((byte)2);
        // Two entries: key id length, key id, 65-byte key; then the 64-byte signature.
        bytes.Length.ShouldBe(at + 17 + 2 * (1 + 16 + 65) + 64);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    public void TryDecode_Truncated_Malformed(int keep)
    {
        var bytes = Rotation().ToArray();

        IssuerKeySet.TryDecode(bytes.AsSpan(0, keep), out _, out var reason).ShouldBeFalse();

        reason.ShouldBeOneOf(RefusalReason.Malformed, RefusalReason.UnsupportedVersion);
    }

    [Fact]
    public void TryDecode_TrailingByteOrWrongVersion_Refused()
    {
        var bytes = Rotation().ToArray();

        IssuerKeySet.TryDecode([.. bytes, 0], out _, out var trailing).ShouldBeFalse();
        trailing.ShouldBe(RefusalReason.Malformed);
        bytes[1] = (byte)(Protocol.Version + 1);
        IssuerKeySet.TryDecode(bytes, out _, out var version).ShouldBeFalse();
        version.ShouldBe(RefusalReason.UnsupportedVersion);
    }

    [Fact]
    public void Sign_RepeatedKeyIdOrNoKeysOrTooMany_Throws()
    {
        Should.Throw<ArgumentException>(() => IssuerKeySet.Sign(_world.Issuer, 1, Now, []));
        Should.Throw<ArgumentException>(() => IssuerKeySet.Sign(_world.Issuer, 1, Now, [_world.Issuer.Trusted(), _world.Issuer.Trusted()]));
        var many = Enumerable.Range(0, IssuerKeySet.MaxKeys + 1).Select(i => new TrustedIssuer($"k{i}", _world.Issuer.Trusted().PublicKey));
        Should.Throw<ArgumentException>(() => IssuerKeySet.Sign(_world.Issuer, 1, Now, many));
        Should.Throw<ArgumentOutOfRangeException>(() => IssuerKeySet.Sign(_world.Issuer, 0, Now, [_world.Issuer.Trusted()]));
    }

    [Fact]
    public void ApplyIssuerKeySet_EncodedByHandFromTheDocument_Taken()
    {
        var set = IssuerKeySetVectors.SignRaw(_world.IssuerKey, _world.Issuer.KeyId, 1, Now,
            [(_world.Issuer.KeyId, _world.Issuer.Trusted().PublicKey), (_newIssuer.KeyId, _newIssuer.Trusted().PublicKey)]);

        _world.Lock.ApplyIssuerKeySet(set).Applied.ShouldBeTrue();
        _world.Open(NewKeyCredential()).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void ApplyIssuerKeySet_KeyNotOnCurve_MalformedAndTrustUnchanged()
    {
        // Signed by the trusted key, but one "key" is not a point: encode it by hand with a valid signature.
        var offCurve = new byte[Protocol.PublicKeyLength];
        offCurve[0] = 0x04;
        offCurve[64] = 7;
        var set = IssuerKeySetVectors.SignRaw(_world.IssuerKey, _world.Issuer.KeyId, 1, Now, [("bad", offCurve)]);

        _world.Lock.ApplyIssuerKeySet(set).Reason.ShouldBe(RefusalReason.Malformed);
        _world.Lock.TrustedKeyIds.ShouldBe(["linkoping-2026-1"]);
    }

    public void Dispose()
    {
        _world.Dispose();
        _newKey.Dispose();
    }
}

/// <summary>Encodes a key set by hand from the documented layout, for inputs the library refuses to make.</summary>
internal static class IssuerKeySetVectors
{
    public static byte[] SignRaw(ECDsa signer, string signerKeyId, long version, DateTimeOffset issuedAt, IReadOnlyList<(string KeyId, byte[] PublicKey)> keys)
    {
        var body = new List<byte> { 0x06, Protocol.Version, (byte)signerKeyId.Length };
        body.AddRange(System.Text.Encoding.ASCII.GetBytes(signerKeyId));
        body.AddRange(BigEndian(version));
        body.AddRange(BigEndian(issuedAt.ToUnixTimeSeconds()));
        body.Add((byte)keys.Count);
        foreach (var (keyId, publicKey) in keys)
        {
            body.Add((byte)keyId.Length);
            body.AddRange(System.Text.Encoding.ASCII.GetBytes(keyId));
            body.AddRange(publicKey);
        }
        var tag = System.Text.Encoding.ASCII.GetBytes($"nyckelfri/issuer-key-set/v{Protocol.Version}");
        var signature = P256.Sign(signer, [.. tag, .. body]); // low-S, as every v2 signer must (a lock refuses the high-S twin)
        return [.. body, .. signature];
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}

/// <summary>The emulator platform's push of a key set, as "Öppna" and a gateway use it.</summary>
public sealed class IssuerKeySetPlatformTests
{
    [Fact]
    public async Task PushIssuerKeySetAsync_NewerSet_StatusReportsItsVersion()
    {
        using var oldKey = P256.CreateKey();
        using var newKey = P256.CreateKey();
        var old = new Issuer("nf-0580", oldKey);
        var next = new Issuer("nf-0580-2", newKey);
        using var platform = new Nyckelfri.LockEmulator.EmulatedLockPlatform();
        var lockId = Guid.CreateVersion7();
        platform.Add(new Nyckelfri.LockEmulator.EmulatedLockOptions { LockId = lockId, TrustedIssuers = [old.Trusted()], IssuerKeySetVersion = 1 });
        var set = IssuerKeySet.Sign(old, 2, DateTimeOffset.UtcNow, [old.Trusted(), next.Trusted()]);

        (await platform.PushIssuerKeySetAsync(lockId, set.ToArray())).Applied.ShouldBeTrue();
        (await platform.PushIssuerKeySetAsync(lockId, set.ToArray())).Reason.ShouldBe(RefusalReason.IssuerKeySetNotNewer);

        (await platform.StatusAsync(lockId)).IssuerKeySetVersion.ShouldBe(2);
        platform.Get(lockId).TrustedKeyIds.ShouldBe(["nf-0580", "nf-0580-2"]);
        // The lock's own events are untouched by key sets.
        (await platform.ReadEventsAsync(lockId, 0)).ShouldBeNull();
    }
}
