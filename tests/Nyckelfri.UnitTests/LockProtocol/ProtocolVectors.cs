using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nyckelfri.LockProtocol;
using Nyckelfri.LockProtocol.Wire;

namespace Nyckelfri.UnitTests.LockProtocol;

/// <summary>
/// The fixed inputs of docs/lock-protocol-vectors.json (every v2 message, from fixed keys, ids, times
/// and nonce) and how the code builds each message from them. ECDSA signatures are randomised, so the
/// vectors' signatures are checked by verification; every other byte is compared.
/// </summary>
internal static class ProtocolVectors
{
    public const string KeyId = "vectors-1";
    public static readonly Guid CredentialId = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    public static readonly Guid EmployeeId = Guid.Parse("11111111-2222-3333-4444-555555555555");
    public static readonly Guid RevokedEmployeeId = Guid.Parse("66666666-7777-8888-9999-aaaaaaaaaaaa");
    public static readonly Guid LockId = Guid.Parse("4cb12237-8db5-4ce8-97b1-bd66506ecbdb");
    public static readonly DateTimeOffset ValidFrom = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidUntil = ValidFrom.AddHours(8);
    public static readonly DateTimeOffset LockTime = ValidFrom.AddMinutes(30);
    public static readonly DateTimeOffset ListIssuedAt = ValidFrom.AddHours(-1);
    public const long ListVersion = 3;
    public static readonly byte[] Nonce = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    public const string NextKeyId = "vectors-2";
    public const long KeySetVersion = 2;
    public static readonly Guid DigitalKeyId = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    public static readonly byte[] EnrolmentChallenge = [.. Enumerable.Range(0x20, 32).Select(i => (byte)i)];

    // Private scalars: the issuer's is RFC 6979's P-256 example key; the others are SHA-256 of a label.
    public static readonly string IssuerPrivate = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    public static readonly string HolderPrivate = Convert.ToHexString(SHA256.HashData("nyckelfri/vectors/holder"u8));
    public static readonly string LockPrivate = Convert.ToHexString(SHA256.HashData("nyckelfri/vectors/lock"u8));
    public static readonly string NextIssuerPrivate = Convert.ToHexString(SHA256.HashData("nyckelfri/vectors/issuer-2"u8));

    public static ECDsa Key(string privateHex) =>
        ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Convert.FromHexString(privateHex) });

    public static byte[] PublicKey(string privateHex)
    {
        using var key = Key(privateHex);
        return P256.ExportPublicKey(key);
    }

    public static Credential Credential(ECDsa issuer) => Nyckelfri.LockProtocol.Credential.Sign(issuer, KeyId, CredentialId, EmployeeId,
        PublicKey(HolderPrivate), LockId, ValidFrom, ValidUntil, CredentialKind.Normal);

    public static Challenge Challenge() => new(LockId, Nonce, LockTime);

    public static Response Response(ECDsa holder, Credential credential) => Nyckelfri.LockProtocol.Response.Sign(holder, LockId, Nonce, credential);

    public static RevocationList RevocationList(ECDsa issuer) => Nyckelfri.LockProtocol.RevocationList.Sign(issuer, KeyId, ListVersion, ListIssuedAt,
        [CredentialId], [SHA256.HashData(new byte[65])], [RevokedEmployeeId]);

    /// <summary>The set a lock takes when the issuer rotates: signed by the current key, trusting it and the next one.</summary>
    public static IssuerKeySet IssuerKeySet(ECDsa issuer) => new Issuer(KeyId, issuer).SignKeySet(KeySetVersion, ListIssuedAt,
        [new TrustedIssuer(NextKeyId, PublicKey(NextIssuerPrivate)), new TrustedIssuer(KeyId, PublicKey(IssuerPrivate))]);

    public static EventBatch EventBatch(ECDsa lockKey)
    {
        var chain = new EventChain(LockId, lockKey);
        List<ChainedEvent> events =
        [
            chain.Append(s => new LockEvent(LockId, s, LockTime, LockEventKind.RevocationListApplied, RevocationListVersion: ListVersion)),
            chain.Append(s => new LockEvent(LockId, s, LockTime.AddSeconds(5), LockEventKind.Opened, RefusalReason.None, CredentialId, EmployeeId,
                CredentialKind.Normal)),
            chain.Append(s => new LockEvent(LockId, s, LockTime.AddMinutes(40), LockEventKind.Refused, RefusalReason.Expired, CredentialId, EmployeeId,
                CredentialKind.Normal)),
            chain.Append(s => new LockEvent(LockId, s, LockTime.AddHours(2), LockEventKind.BatteryLow, BatteryPercent: 19)),
        ];
        return chain.Sign(events);
    }

    /// <summary>The whole vector file, freshly signed.</summary>
    public static JsonObject Generate()
    {
        using var issuer = Key(IssuerPrivate);
        using var holder = Key(HolderPrivate);
        using var lockKey = Key(LockPrivate);
        var credential = Credential(issuer);
        var response = Response(holder, credential);
        var list = RevocationList(issuer);
        var batch = EventBatch(lockKey);
        var keySet = IssuerKeySet(issuer);
        var enrolmentSigned = Enrolment.SignedBytes(EnrolmentChallenge, DigitalKeyId, PublicKey(HolderPrivate));
        return new JsonObject
        {
            ["protocolVersion"] = Protocol.Version,
            ["about"] = "Test vectors of lock protocol version 2 (docs/lock-protocol.md). Inputs are fixed; ECDSA signatures are randomised, " +
                "so a signature here is one valid (low-S) signature over signedBytes, not the only one. Times are Unix seconds, hex is upper case.",
            ["keys"] = new JsonObject
            {
                ["issuer"] = KeyNode(IssuerPrivate, KeyId),
                ["holder"] = KeyNode(HolderPrivate, null),
                ["lock"] = KeyNode(LockPrivate, null),
                ["nextIssuer"] = KeyNode(NextIssuerPrivate, NextKeyId),
            },
            ["inputs"] = new JsonObject
            {
                ["credentialId"] = CredentialId.ToString(), ["employeeId"] = EmployeeId.ToString(), ["lockId"] = LockId.ToString(),
                ["validFrom"] = ValidFrom.ToUnixTimeSeconds(), ["validUntil"] = ValidUntil.ToUnixTimeSeconds(), ["kind"] = 1,
                ["nonce"] = Convert.ToHexString(Nonce), ["lockTime"] = LockTime.ToUnixTimeSeconds(),
                ["listVersion"] = ListVersion, ["listIssuedAt"] = ListIssuedAt.ToUnixTimeSeconds(),
                ["revokedKeyHash"] = Convert.ToHexString(SHA256.HashData(new byte[65])), ["revokedEmployeeId"] = RevokedEmployeeId.ToString(),
                ["keySetVersion"] = KeySetVersion, ["keySetIssuedAt"] = ListIssuedAt.ToUnixTimeSeconds(),
                ["digitalKeyId"] = DigitalKeyId.ToString(), ["enrolmentChallenge"] = Convert.ToHexString(EnrolmentChallenge),
            },
            ["credential"] = Message(credential.Encoded, Signed.Bytes(Protocol.CredentialTag, credential.Body)),
            ["challenge"] = new JsonObject { ["hex"] = Convert.ToHexString(Challenge().Encode()) },
            ["response"] = Message(response.Encoded, Nyckelfri.LockProtocol.Response.SignedBytes(LockId, Nonce, credential)),
            ["revocationList"] = Message(list.Encoded, Signed.Bytes(Protocol.RevocationListTag, list.Body)),
            ["eventBatch"] = BatchNode(batch),
            ["issuerKeySet"] = Message(keySet.Encoded, Signed.Bytes(Protocol.IssuerKeySetTag, keySet.Body)),
            ["enrolmentProof"] = new JsonObject
            {
                ["about"] = "Not a lock message: the device's proof that it holds the holder key, signed over tag ‖ challenge ‖ digital key id ‖ public key.",
                ["signedBytes"] = Convert.ToHexString(enrolmentSigned),
                ["signedBytesSha256"] = Convert.ToHexString(SHA256.HashData(enrolmentSigned)),
                ["proof"] = Convert.ToHexString(Enrolment.Prove(holder, EnrolmentChallenge, DigitalKeyId)),
            },
        };
    }

    private static JsonObject KeyNode(string privateHex, string? keyId)
    {
        var node = new JsonObject { ["private"] = privateHex, ["public"] = Convert.ToHexString(PublicKey(privateHex)) };
        if (keyId is not null) node["keyId"] = keyId;
        return node;
    }

    private static JsonObject Message(ReadOnlySpan<byte> encoded, byte[] signedBytes) => new()
    {
        ["hex"] = Convert.ToHexString(encoded),
        ["signedBytes"] = Convert.ToHexString(signedBytes),
        ["signedBytesSha256"] = Convert.ToHexString(SHA256.HashData(signedBytes)),
    };

    private static JsonObject BatchNode(EventBatch batch)
    {
        var node = Message(batch.Encoded, Nyckelfri.LockProtocol.EventBatch.HeadStatement(batch.LockId, batch.FirstSequence, batch.Events[0].PreviousHash, batch.HeadHash));
        node["eventHashes"] = new JsonArray([.. batch.Events.Select(e => (JsonNode)Convert.ToHexString(e.Hash))]);
        return node;
    }

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>docs/lock-protocol-vectors.json, found from the test's directory upwards.</summary>
    public static string FilePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nyckelfri.slnx")))
                return Path.Combine(dir.FullName, "docs", "lock-protocol-vectors.json");
        throw new FileNotFoundException("No Nyckelfri.slnx above the test directory.");
    }
}
