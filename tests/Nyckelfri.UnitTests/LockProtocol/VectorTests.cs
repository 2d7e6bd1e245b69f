using System.Text.Json;
using System.Text.Json.Nodes;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// docs/lock-protocol-vectors.json against the code: every message regenerated from the fixed inputs
/// must equal the vector byte for byte up to its signature, each signature must verify (low-S) over the
/// vector's signed bytes, and each message must decode to the inputs. Set NYCKELFRI_WRITE_VECTORS=1 to
/// write the file afresh (then review the diff).
/// </summary>
public sealed class VectorTests
{
    private static readonly JsonNode Vectors = Load();

    private static JsonNode Load()
    {
        var path = ProtocolVectors.FilePath();
        if (Environment.GetEnvironmentVariable("NYCKELFRI_WRITE_VECTORS") == "1")
            File.WriteAllText(path, ProtocolVectors.Generate().ToJsonString(ProtocolVectors.Indented) + "\n");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static byte[] Hex(string path)
    {
        JsonNode node = Vectors;
        foreach (var part in path.Split('.')) node = node[part]!;
        return Convert.FromHexString(node.GetValue<string>());
    }

    [Fact]
    public void Keys_AreTheFixedOnes()
    {
        Vectors["protocolVersion"]!.GetValue<int>().ShouldBe(Protocol.Version);
        Hex("keys.issuer.public").ShouldBe(ProtocolVectors.PublicKey(ProtocolVectors.IssuerPrivate));
        Hex("keys.holder.public").ShouldBe(ProtocolVectors.PublicKey(ProtocolVectors.HolderPrivate));
        Hex("keys.lock.public").ShouldBe(ProtocolVectors.PublicKey(ProtocolVectors.LockPrivate));
    }

    [Fact]
    public void Credential_RegeneratedMatches_SignatureVerifies_AndDecodesToTheInputs()
    {
        using var issuer = ProtocolVectors.Key(ProtocolVectors.IssuerPrivate);
        var vector = Hex("credential.hex");
        var fresh = ProtocolVectors.Credential(issuer);

        vector[..^64].ShouldBe(fresh.Encoded[..^64].ToArray());
        Hex("credential.signedBytes").ShouldBe([.. System.Text.Encoding.ASCII.GetBytes(Protocol.CredentialTagText), .. vector[..^64]]);
        P256.Verify(issuer, Hex("credential.signedBytes"), vector[^64..]).ShouldBeTrue();
        Credential.TryDecode(vector, out var decoded, out _).ShouldBeTrue();
        (decoded!.CredentialId, decoded.EmployeeId, decoded.LockId, decoded.ValidFrom, decoded.ValidUntil, decoded.IssuerKeyId)
            .ShouldBe((ProtocolVectors.CredentialId, ProtocolVectors.EmployeeId, ProtocolVectors.LockId, ProtocolVectors.ValidFrom,
                ProtocolVectors.ValidUntil, ProtocolVectors.KeyId));
    }

    [Fact]
    public void Challenge_RegeneratedMatches()
    {
        Hex("challenge.hex").ShouldBe(ProtocolVectors.Challenge().Encode());
    }

    [Fact]
    public void Response_RegeneratedMatches_SignatureVerifies()
    {
        using var holder = ProtocolVectors.Key(ProtocolVectors.HolderPrivate);
        Credential.TryDecode(Hex("credential.hex"), out var credential, out _).ShouldBeTrue();
        var vector = Hex("response.hex");
        var fresh = ProtocolVectors.Response(holder, credential!);

        vector[..^64].ShouldBe(fresh.Encoded[..^64].ToArray());
        Hex("response.signedBytes").ShouldBe(Response.SignedBytes(ProtocolVectors.LockId, ProtocolVectors.Nonce, credential!));
        P256.Verify(holder, Hex("response.signedBytes"), vector[^64..]).ShouldBeTrue();
        Response.TryDecode(vector, out var decoded, out _).ShouldBeTrue();
        decoded!.Nonce.ToArray().ShouldBe(ProtocolVectors.Nonce);
    }

    [Fact]
    public void RevocationList_RegeneratedMatches_SignatureVerifies()
    {
        using var issuer = ProtocolVectors.Key(ProtocolVectors.IssuerPrivate);
        var vector = Hex("revocationList.hex");

        vector[..^64].ShouldBe(ProtocolVectors.RevocationList(issuer).Encoded[..^64].ToArray());
        P256.Verify(issuer, Hex("revocationList.signedBytes"), vector[^64..]).ShouldBeTrue();
        RevocationList.TryDecode(vector, out var decoded, out _).ShouldBeTrue();
        (decoded!.ListVersion, decoded.IssuedAt).ShouldBe((ProtocolVectors.ListVersion, ProtocolVectors.ListIssuedAt));
    }

    [Fact]
    public void EventBatch_RegeneratedMatches_SignatureAndChainVerify()
    {
        using var lockKey = ProtocolVectors.Key(ProtocolVectors.LockPrivate);
        var vector = Hex("eventBatch.hex");
        var fresh = ProtocolVectors.EventBatch(lockKey);

        vector[..^64].ShouldBe(fresh.Encoded[..^64].ToArray());
        EventBatch.TryDecode(vector, out var decoded, out _).ShouldBeTrue();
        decoded!.Check(ProtocolVectors.LockId, lockKey).ShouldBe(EventBatchCheck.Valid);
        decoded.Events.Select(e => Convert.ToHexString(e.Hash))
            .ShouldBe(Vectors["eventBatch"]!["eventHashes"]!.AsArray().Select(h => h!.GetValue<string>()));
        Hex("eventBatch.signedBytes").ShouldBe(EventBatch.HeadStatement(decoded.LockId, decoded.FirstSequence, decoded.Events[0].PreviousHash,
            decoded.HeadHash));
        decoded.Events.Select(e => e.Event).ShouldBe(fresh.Events.Select(e => e.Event));
    }

    [Fact]
    public void IssuerKeySet_RegeneratedMatches_SignatureVerifies_AndALockTakesIt()
    {
        using var issuer = ProtocolVectors.Key(ProtocolVectors.IssuerPrivate);
        var vector = Hex("issuerKeySet.hex");

        vector[0].ShouldBe((byte)0x06);
        vector[..^64].ShouldBe(ProtocolVectors.IssuerKeySet(issuer).Encoded[..^64].ToArray());
        P256.Verify(issuer, Hex("issuerKeySet.signedBytes"), vector[^64..]).ShouldBeTrue();
        Enrolment.IsLowS(vector[^64..]).ShouldBeTrue();
        IssuerKeySet.TryDecode(vector, out var decoded, out _).ShouldBeTrue();
        (decoded!.SignerKeyId, decoded.SetVersion, decoded.IssuedAt).ShouldBe((ProtocolVectors.KeyId, ProtocolVectors.KeySetVersion, ProtocolVectors.ListIssuedAt));
        decoded.Keys.Select(k => k.KeyId).ShouldBe([ProtocolVectors.KeyId, ProtocolVectors.NextKeyId]);
        decoded.Keys[1].PublicKey.ShouldBe(Hex("keys.nextIssuer.public"));
    }

    [Fact]
    public void EnrolmentProof_SignedBytesMatch_AndTheProofVerifies()
    {
        var signed = Hex("enrolmentProof.signedBytes");
        var holderPublic = Hex("keys.holder.public");

        signed.ShouldBe(Enrolment.SignedBytes(Hex("inputs.enrolmentChallenge"), ProtocolVectors.DigitalKeyId, holderPublic));
        System.Text.Encoding.ASCII.GetString(signed, 0, 33).ShouldBe("nyckelfri/device-key-enrolment/v1");
        Enrolment.Verify(holderPublic, Hex("inputs.enrolmentChallenge"), ProtocolVectors.DigitalKeyId, Hex("enrolmentProof.proof")).ShouldBeTrue();
        Enrolment.Verify(holderPublic, Hex("inputs.enrolmentChallenge"), Guid.NewGuid(), Hex("enrolmentProof.proof")).ShouldBeFalse();
    }
}
