using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nyckelfri.Transparency;

/// <summary>
/// The municipality's audit key as a C2SP signed-note key (c2sp.org/signed-note): signature type 0x02,
/// "ECDSA signatures as implemented by github.com/transparency-dev/witness", on NIST P-256. As that
/// implementation does (transparency-dev/formats, note/note_verifier.go), the signature is ECDSA over
/// SHA-256 of the note text, DER-encoded (RFC 3279), and the key id is the first four bytes of SHA-256 of
/// the DER SubjectPublicKeyInfo. The verifier key string is <c>name+keyid(8 hex)+base64(0x02 ‖ SPKI)</c>.
/// </summary>
public sealed class NoteVerifier
{
    public const byte SignatureTypeEcdsa = 0x02;

    private readonly byte[] _subjectPublicKeyInfo;

    private NoteVerifier(string name, byte[] subjectPublicKeyInfo)
    {
        Name = name;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = KeyIdOf(subjectPublicKeyInfo);
    }

    public string Name { get; }
    public uint KeyId { get; }

    /// <summary>The public key as DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo => (byte[])_subjectPublicKeyInfo.Clone();

    /// <summary>What is published (like the issuer keys): <c>name+keyid+base64(0x02 ‖ SPKI)</c>.</summary>
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([SignatureTypeEcdsa, .. _subjectPublicKeyInfo])}";

    public static NoteVerifier ForKey(string name, ECDsa key)
    {
        if (!SignedNote.IsValidKeyName(name)) throw new ArgumentException($"'{name}' is not a valid note key name (non-empty, no spaces, no '+').", nameof(name));
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new ArgumentException("The audit key is ECDSA on NIST P-256.", nameof(key));
        return new NoteVerifier(name, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a published verifier key, refusing one whose key id does not match its key or that is not P-256.</summary>
    public static NoteVerifier? Parse(string verifierKey, out CheckpointRejection? rejection)
    {
        rejection = null;
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3 || !SignedNote.IsValidKeyName(parts[0]) || parts[1].Length != 8 || !uint.TryParse(parts[1], System.Globalization.NumberStyles.AllowHexSpecifier, null, out var keyId))
            return Refused(out rejection, "the verifier key is not name+keyid+key");
        var raw = new byte[parts[2].Length];
        if (!Convert.TryFromBase64String(parts[2], raw, out var length) || length < 2 || raw[0] != SignatureTypeEcdsa)
            return Refused(out rejection, "the verifier key is not base64 of 0x02 and a public key");
        var spki = raw[1..length];
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                return Refused(out rejection, "the verifier key is not an ECDSA P-256 public key");
        }
        catch (CryptographicException)
        {
            return Refused(out rejection, "the verifier key's public key does not read");
        }
        if (KeyIdOf(spki) != keyId) return Refused(out rejection, "the verifier key's key id does not match its key");
        return new NoteVerifier(parts[0], spki);
    }

    internal bool Verify(byte[] text, byte[] signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return key.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    internal static uint KeyIdOf(byte[] subjectPublicKeyInfo) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(subjectPublicKeyInfo));

    private static NoteVerifier? Refused(out CheckpointRejection rejection, string detail)
    {
        rejection = new CheckpointRejection(CheckpointRejectionReason.MalformedVerifierKey, detail);
        return null;
    }
}

/// <summary>
/// Signing and opening C2SP signed notes whose text is a checkpoint. A note is its text (ending in a
/// newline), a blank line, then signature lines "— name base64(keyid ‖ signature)". Opening follows the
/// spec: signatures from unknown keys are ignored, a known key's signature that fails rejects the note, and
/// a note with no signature from the known key is rejected.
/// </summary>
public static class SignedNote
{
    /// <summary>At most this many bytes and signature lines are read (the spec asks verifiers for a limit of at least 16 signatures).</summary>
    public const int MaxNoteBytes = 64 * 1024, MaxSignatures = 100;

    private const string SignaturePrefix = "\u2014 ";

    public static string Sign(Checkpoint checkpoint, string keyName, ECDsa key) => SignText(checkpoint.ToNoteText(), keyName, key);

    /// <summary>Signs any text as a note (tests sign malformed checkpoints with it, to reach the checks behind the signature).</summary>
    internal static string SignText(string text, string keyName, ECDsa key)
    {
        var verifier = NoteVerifier.ForKey(keyName, key);
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var keyId = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(keyId, verifier.KeyId);
        return $"{text}\n{SignaturePrefix}{keyName} {Convert.ToBase64String([.. keyId, .. signature])}\n";
    }

    /// <summary>
    /// The checkpoint in <paramref name="note"/> if the trusted key signed it and it is well-formed (and of
    /// <paramref name="expectedOrigin"/>, when given); otherwise the reason it is refused.
    /// </summary>
    public static CheckpointParse Open(ReadOnlySpan<byte> note, NoteVerifier verifier, string? expectedOrigin = null)
    {
        if (note.Length > MaxNoteBytes) return Refuse(CheckpointRejectionReason.MalformedNote, $"the note is larger than {MaxNoteBytes} bytes");
        try
        {
            return Open(new UTF8Encoding(false, true).GetString(note), verifier, expectedOrigin);
        }
        catch (DecoderFallbackException)
        {
            return Refuse(CheckpointRejectionReason.MalformedNote, "the note is not valid UTF-8");
        }
    }

    public static CheckpointParse Open(string note, NoteVerifier verifier, string? expectedOrigin = null)
    {
        if (Encoding.UTF8.GetByteCount(note) > MaxNoteBytes) return Refuse(CheckpointRejectionReason.MalformedNote, $"the note is larger than {MaxNoteBytes} bytes");
        if (note.Any(c => c < 0x20 && c != '\n')) return Refuse(CheckpointRejectionReason.MalformedNote, "the note contains a control character");
        if (note.Any(char.IsSurrogate) && !IsWellFormedUtf16(note)) return Refuse(CheckpointRejectionReason.MalformedNote, "the note is not valid UTF-8 text");
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return Refuse(CheckpointRejectionReason.MalformedNote, "no blank line separates the text from the signatures");
        var text = note[..(split + 1)];
        var signatures = note[(split + 2)..];
        if (signatures.Length == 0 || !signatures.EndsWith('\n')) return Refuse(CheckpointRejectionReason.MalformedNote, "the signatures do not end in a newline");
        var lines = signatures[..^1].Split('\n');
        if (lines.Length > MaxSignatures) return Refuse(CheckpointRejectionReason.MalformedNote, $"more than {MaxSignatures} signatures");

        var trusted = false;
        var textBytes = Encoding.UTF8.GetBytes(text);
        foreach (var line in lines)
        {
            if (!TryReadSignatureLine(line, out var name, out var keyId, out var signature))
                return Refuse(CheckpointRejectionReason.MalformedSignature, $"the signature line '{Shorten(line)}' is not '— name base64'");
            if (name != verifier.Name || keyId != verifier.KeyId) continue;
            if (!verifier.Verify(textBytes, signature)) return Refuse(CheckpointRejectionReason.BadSignature, $"the signature by {name} does not verify");
            trusted = true;
        }
        if (!trusted) return Refuse(CheckpointRejectionReason.NoTrustedSignature, $"the note has no signature by {verifier.Name} ({verifier.KeyId:x8})");

        var parsed = Checkpoint.Parse(text);
        if (parsed.Checkpoint is { } checkpoint && expectedOrigin is not null && checkpoint.Origin != expectedOrigin)
            return Refuse(CheckpointRejectionReason.WrongOrigin, $"the checkpoint is of {checkpoint.Origin}, not {expectedOrigin}");
        return parsed;
    }

    public static bool IsValidKeyName(string name) => name.Length > 0 && !name.Any(char.IsWhiteSpace) && !name.Contains('+') && IsWellFormedUtf16(name);

    private static bool TryReadSignatureLine(string line, out string name, out uint keyId, out byte[] signature)
    {
        name = "";
        keyId = 0;
        signature = [];
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal)) return false;
        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ');
        if (space <= 0) return false;
        name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!IsValidKeyName(name)) return false;
        var raw = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, raw, out var length) || length < 5 || Convert.ToBase64String(raw, 0, length) != encoded) return false;
        keyId = BinaryPrimitives.ReadUInt32BigEndian(raw);
        signature = raw[4..length];
        return true;
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";

    private static CheckpointParse Refuse(CheckpointRejectionReason reason, string detail) => new(null, new CheckpointRejection(reason, detail));
}
