using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

public sealed class CheckpointTests : IDisposable
{
    private static readonly string Origin = Checkpoint.OriginFor("nyckelfri.example", Guid.Parse("5b0e1c2a-0000-4000-8000-000000000001"));
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly NoteVerifier _verifier;
    private readonly Checkpoint _checkpoint;

    public CheckpointTests()
    {
        _verifier = NoteVerifier.ForKey(Origin, _key);
        var leaves = Enumerable.Range(0, 11).Select(i => MerkleHash.Leaf([(byte)i])).ToList();
        _checkpoint = Checkpoint.At(Origin, 11, MerkleHash.Root(leaves), new DateTimeOffset(2026, 12, 8, 1, 2, 3, TimeSpan.Zero));
    }

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Sign_ThenOpen_GivesTheSameCheckpoint()
    {
        var note = SignedNote.Sign(_checkpoint, Origin, _key);

        var opened = SignedNote.Open(note, _verifier, Origin);

        opened.Rejection.ShouldBeNull();
        opened.Checkpoint.ShouldBe(_checkpoint);
        opened.Checkpoint!.MadeAt.ShouldBe(new DateTimeOffset(2026, 12, 8, 1, 2, 3, TimeSpan.Zero));
        SignedNote.Open(Encoding.UTF8.GetBytes(note), _verifier, Origin).Checkpoint.ShouldBe(_checkpoint);
    }

    [Fact]
    public void Sign_WritesTheC2spTextAndASignatureLineWithTheSpkiKeyId()
    {
        var note = SignedNote.Sign(_checkpoint, Origin, _key);

        var text = $"{Origin}\n11\n{Convert.ToBase64String(_checkpoint.RootHash)}\ntime 2026-12-08T01:02:03Z\n";
        note.ShouldStartWith(text + "\n\u2014 " + Origin + " ");
        note.ShouldEndWith("\n");
        var signature = Convert.FromBase64String(note[(text.Length + 1)..].Split(' ')[2].TrimEnd('\n'));
        BinaryPrimitives.ReadUInt32BigEndian(signature).ShouldBe(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(_key.ExportSubjectPublicKeyInfo())));
        _key.VerifyData(Encoding.UTF8.GetBytes(text), signature[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
    }

    [Fact]
    public void VerifierKey_ReadsBackAsTheSameKey()
    {
        var key = _verifier.VerifierKey;
        key.ShouldStartWith($"{Origin}+{_verifier.KeyId:x8}+");
        Convert.FromBase64String(key.Split('+', 3)[2])[0].ShouldBe(NoteVerifier.SignatureTypeEcdsa);

        var parsed = NoteVerifier.Parse(key, out var rejection);

        rejection.ShouldBeNull();
        parsed!.KeyId.ShouldBe(_verifier.KeyId);
        SignedNote.Open(SignedNote.Sign(_checkpoint, Origin, _key), parsed).Checkpoint.ShouldBe(_checkpoint);
    }

    [Theory]
    [InlineData("no-plus-signs")]
    [InlineData("name+0000000g+AA==")]
    [InlineData("name+00000000+!!!!")]
    [InlineData("name+00000000+AQID")]
    [InlineData("na me+00000000+AgID")]
    public void VerifierKey_Malformed_IsRefused(string key)
    {
        NoteVerifier.Parse(key, out var rejection).ShouldBeNull();
        rejection!.Reason.ShouldBe(CheckpointRejectionReason.MalformedVerifierKey);
    }

    [Fact]
    public void VerifierKey_WithAnotherKeyId_OrAnotherCurve_IsRefused()
    {
        var parts = _verifier.VerifierKey.Split('+', 3);
        NoteVerifier.Parse($"{parts[0]}+{_verifier.KeyId ^ 1:x8}+{parts[2]}", out var wrongId).ShouldBeNull();
        wrongId!.Detail.ShouldContain("key id");

        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var spki = p384.ExportSubjectPublicKeyInfo();
        var keyId = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(spki));
        NoteVerifier.Parse($"{Origin}+{keyId:x8}+{Convert.ToBase64String([0x02, .. spki])}", out var wrongCurve).ShouldBeNull();
        wrongCurve!.Detail.ShouldContain("P-256");
        Should.Throw<ArgumentException>(() => NoteVerifier.ForKey(Origin, p384));
    }

    [Fact]
    public void Open_SignedByAnotherKey_IsRefusedAsUntrusted()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var opened = SignedNote.Open(SignedNote.Sign(_checkpoint, Origin, other), _verifier);

        opened.Checkpoint.ShouldBeNull();
        opened.Rejection!.Reason.ShouldBe(CheckpointRejectionReason.NoTrustedSignature);
    }

    [Fact]
    public void Open_TextChangedAfterSigning_IsRefusedAsABadSignature()
    {
        var note = SignedNote.Sign(_checkpoint, Origin, _key).Replace("\n11\n", "\n12\n", StringComparison.Ordinal);

        SignedNote.Open(note, _verifier).Rejection!.Reason.ShouldBe(CheckpointRejectionReason.BadSignature);
    }

    [Fact]
    public void Open_WithAWitnessSignatureBesideOurs_IgnoresTheUnknownKey()
    {
        using var witness = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ours = SignedNote.Sign(_checkpoint, Origin, _key);
        var theirs = SignedNote.Sign(_checkpoint, "witness.example/w1", witness);
        var cosigned = ours + theirs[(theirs.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];

        SignedNote.Open(cosigned, _verifier).Checkpoint.ShouldBe(_checkpoint);
    }

    [Fact]
    public void Open_OfAnotherLog_IsRefusedAsWrongOrigin()
    {
        var note = SignedNote.Sign(_checkpoint, Origin, _key);

        SignedNote.Open(note, _verifier, "nyckelfri.example/other/audit").Rejection!.Reason.ShouldBe(CheckpointRejectionReason.WrongOrigin);
    }

    public static TheoryData<string, string, CheckpointRejectionReason> MalformedTexts() => new()
    {
        { "no final newline (so no blank line before the signature)", "o\n1\n{root}", CheckpointRejectionReason.MalformedNote },
        { "two lines", "o\n1\n", CheckpointRejectionReason.MalformedText },
        { "empty extension line", "o\n1\n{root}\n\next\n", CheckpointRejectionReason.MalformedText },
        { "empty origin", "\n1\n{root}\n", CheckpointRejectionReason.MalformedOrigin },
        { "origin with a space", "o o\n1\n{root}\n", CheckpointRejectionReason.MalformedOrigin },
        { "origin with a plus", "o+o\n1\n{root}\n", CheckpointRejectionReason.MalformedOrigin },
        { "size with a leading zero", "o\n01\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "negative size", "o\n-1\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "size with a sign", "o\n+1\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "size in hex", "o\n0x10\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "size past int64", "o\n99999999999999999999\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "empty size", "o\n\n{root}\n", CheckpointRejectionReason.MalformedSize },
        { "root not base64", "o\n1\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!=\n", CheckpointRejectionReason.MalformedRootHash },
        { "root of 31 bytes", "o\n1\n" + Convert.ToBase64String(new byte[31]) + "\n", CheckpointRejectionReason.MalformedRootHash },
        { "root of 33 bytes", "o\n1\n" + Convert.ToBase64String(new byte[33]) + "\n", CheckpointRejectionReason.MalformedRootHash },
        { "root without padding", "o\n1\n" + Convert.ToBase64String(new byte[32]).TrimEnd('=') + "\n", CheckpointRejectionReason.MalformedRootHash },
        { "root in base64url", "o\n1\n" + Convert.ToBase64String(Enumerable.Repeat((byte)0xfb, 32).ToArray()).Replace('+', '-').Replace('/', '_') + "\n", CheckpointRejectionReason.MalformedRootHash },
        { "root not in canonical base64", "o\n1\n" + Convert.ToBase64String(new byte[32])[..42] + "B=\n", CheckpointRejectionReason.MalformedRootHash },
    };

    [Theory]
    [MemberData(nameof(MalformedTexts))]
    public void Open_SignedButMalformedText_IsRefusedWithItsReason(string what, string text, CheckpointRejectionReason reason)
    {
        text = text.Replace("{root}", Convert.ToBase64String(_checkpoint.RootHash), StringComparison.Ordinal);

        var opened = SignedNote.Open(SignedNote.SignText(text, Origin, _key), _verifier);

        opened.Checkpoint.ShouldBeNull(what);
        opened.Rejection!.Reason.ShouldBe(reason, what);
        opened.Rejection.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    public static TheoryData<string, CheckpointRejectionReason> MalformedNotes() => new()
    {
        { "no blank line", CheckpointRejectionReason.MalformedNote },
        { "no signature", CheckpointRejectionReason.MalformedNote },
        { "signature without an em dash", CheckpointRejectionReason.MalformedSignature },
        { "signature with a hyphen", CheckpointRejectionReason.MalformedSignature },
        { "signature not base64", CheckpointRejectionReason.MalformedSignature },
        { "signature of four bytes", CheckpointRejectionReason.MalformedSignature },
        { "signature without a name", CheckpointRejectionReason.MalformedSignature },
        { "carriage returns", CheckpointRejectionReason.MalformedNote },
        { "a tab", CheckpointRejectionReason.MalformedNote },
        { "no final newline", CheckpointRejectionReason.MalformedNote },
        { "too large", CheckpointRejectionReason.MalformedNote },
        { "too many signatures", CheckpointRejectionReason.MalformedNote },
        { "a lone surrogate", CheckpointRejectionReason.MalformedNote },
        { "not UTF-8", CheckpointRejectionReason.MalformedNote },
    };

    [Theory]
    [MemberData(nameof(MalformedNotes))]
    public void Open_MalformedNote_IsRefusedWithItsReason(string what, CheckpointRejectionReason reason)
    {
        var note = SignedNote.Sign(_checkpoint, Origin, _key);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        var text = note[..(split + 1)];
        var line = note[(split + 2)..^1];
        var signature = line.Split(' ')[2];
        var opened = what switch
        {
            "no blank line" => SignedNote.Open(text + line + "\n", _verifier),
            "no signature" => SignedNote.Open(text + "\n", _verifier),
            "signature without an em dash" => SignedNote.Open(text + "\n" + line[2..] + "\n", _verifier),
            "signature with a hyphen" => SignedNote.Open(text + "\n-" + line[1..] + "\n", _verifier),
            "signature not base64" => SignedNote.Open(text + "\n\u2014 " + Origin + " " + signature[..^2] + "*=\n", _verifier),
            "signature of four bytes" => SignedNote.Open(text + "\n\u2014 " + Origin + " " + Convert.ToBase64String(Convert.FromBase64String(signature)[..4]) + "\n", _verifier),
            "signature without a name" => SignedNote.Open(text + "\n\u2014 " + signature + "\n", _verifier),
            "carriage returns" => SignedNote.Open(note.Replace("\n", "\r\n", StringComparison.Ordinal), _verifier),
            "a tab" => SignedNote.Open(note.Replace("\n11\n", "\n\t11\n", StringComparison.Ordinal), _verifier),
            "no final newline" => SignedNote.Open(note[..^1], _verifier),
            "too large" => SignedNote.Open(text + "\n" + string.Concat(Enumerable.Repeat(line + "\n", 700)), _verifier),
            "too many signatures" => SignedNote.Open(text + "\n" + string.Concat(Enumerable.Repeat(line + "\n", 101)), _verifier),
            "a lone surrogate" => SignedNote.Open(note.Replace(Origin + "\n", Origin + "\ud800\n", StringComparison.Ordinal), _verifier),
            "not UTF-8" => SignedNote.Open([.. Encoding.UTF8.GetBytes(text), 0xff, .. Encoding.UTF8.GetBytes("\n" + line + "\n")], _verifier),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        opened.Checkpoint.ShouldBeNull(what);
        opened.Rejection!.Reason.ShouldBe(reason, what);
    }

    /// <summary>Seeded, so a failure replays: a changed note never throws, and never opens as anything but the checkpoint signed.</summary>
    [Fact]
    public void Open_RandomlyMutatedNotes_NeverThrow_AndNeverOpenAsAnotherCheckpoint()
    {
        var random = new Random(1208);
        var note = Encoding.UTF8.GetBytes(SignedNote.Sign(_checkpoint, Origin, _key));
        var refused = 0;
        for (var round = 0; round < 3000; round++)
        {
            var mutated = note.ToList();
            for (var changes = random.Next(1, 4); changes > 0; changes--)
            {
                var at = random.Next(mutated.Count);
                switch (random.Next(3))
                {
                    case 0: mutated[at] ^= (byte)random.Next(1, 256); break;
                    case 1: mutated.RemoveAt(at); break;
                    default: mutated.Insert(at, (byte)random.Next(256)); break;
                }
            }

            var opened = SignedNote.Open(mutated.ToArray(), _verifier, Origin);

            if (opened.Checkpoint is { } checkpoint) checkpoint.ShouldBe(_checkpoint, $"round {round}");
            else refused++;
        }
        refused.ShouldBeGreaterThan(2900);
    }

    [Fact]
    public void Parse_TextWithoutAFinalNewline_IsRefused() =>
        Checkpoint.Parse($"o\n1\n{Convert.ToBase64String(_checkpoint.RootHash)}").Rejection!.Reason.ShouldBe(CheckpointRejectionReason.MalformedText);

    [Fact]
    public void ToNoteText_OfAnInvalidCheckpoint_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new Checkpoint("has space", 1, _checkpoint.RootHash).ToNoteText());
        Should.Throw<InvalidOperationException>(() => new Checkpoint(Origin, -1, _checkpoint.RootHash).ToNoteText());
        Should.Throw<InvalidOperationException>(() => new Checkpoint(Origin, 1, new byte[31]).ToNoteText());
        Should.Throw<InvalidOperationException>(() => new Checkpoint(Origin, 1, _checkpoint.RootHash, [""]).ToNoteText());
    }
}
