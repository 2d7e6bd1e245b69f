using System.Globalization;
using System.Text;

namespace Nyckelfri.Transparency;

/// <summary>
/// A tree head in the C2SP tlog-checkpoint text format (c2sp.org/tlog-checkpoint): the origin line, the tree
/// size in decimal without leading zeroes, the root hash in standard base64, then optional non-empty extension
/// lines; each line ends in a newline. It is the text of a signed note (<see cref="SignedNote"/>).
/// Nyckelfri's origin is <c>nyckelfri.example/&lt;municipality id&gt;/audit</c>; the one extension line it writes
/// is <c>time &lt;UTC, ISO 8601&gt;</c>, when the checkpoint was made.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    public Checkpoint(string origin, long size, byte[] rootHash) : this(origin, size, rootHash, []) { }

    /// <summary>The origin of a municipality's audit log.</summary>
    public static string OriginFor(string host, Guid municipalityId) => $"{host}/{municipalityId:D}/audit";

    /// <summary>A checkpoint carrying the time it was made as its one extension line.</summary>
    public static Checkpoint At(string origin, long size, byte[] rootHash, DateTimeOffset madeAt) =>
        // An array, not a one-element collection expression: that would make the compiler add a list type of its own,
        // whose nested enumerator the architecture test cannot tell from ours.
        new(origin, size, rootHash, new[] { $"time {madeAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}" });

    /// <summary>The time extension line, if there is one that reads.</summary>
    public DateTimeOffset? MadeAt =>
        Extensions.Where(e => e.StartsWith("time ", StringComparison.Ordinal))
            .Select(e => DateTimeOffset.TryParseExact(e[5..], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null)
            .FirstOrDefault();

    public string ToNoteText()
    {
        var text = new StringBuilder();
        text.Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions) text.Append(extension).Append('\n');
        var note = text.ToString();
        // What this writes must read back: the same rules as Parse, so no malformed checkpoint is ever signed.
        if (Parse(note) is { Rejection: { } rejection }) throw new InvalidOperationException($"Not a valid checkpoint: {rejection.Detail}");
        return note;
    }

    /// <summary>Reads a note's text as a checkpoint, or says why it is not one.</summary>
    public static CheckpointParse Parse(string text)
    {
        if (!text.EndsWith('\n')) return Refuse(CheckpointRejectionReason.MalformedText, "the checkpoint text does not end in a newline");
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3) return Refuse(CheckpointRejectionReason.MalformedText, "a checkpoint has at least three lines: origin, size, root hash");
        var origin = lines[0];
        if (origin.Length == 0) return Refuse(CheckpointRejectionReason.MalformedOrigin, "the origin line is empty");
        if (origin.Any(char.IsWhiteSpace) || origin.Contains('+'))
            return Refuse(CheckpointRejectionReason.MalformedOrigin, "the origin contains a space or '+'");
        var size = lines[1];
        if (size.Length == 0 || size.Length > 19 || !size.All(char.IsAsciiDigit) || (size.Length > 1 && size[0] == '0')
            || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize))
            return Refuse(CheckpointRejectionReason.MalformedSize, $"the tree size '{size}' is not a decimal number without leading zeroes");
        var root = DecodeRoot(lines[2]);
        if (root is null) return Refuse(CheckpointRejectionReason.MalformedRootHash, "the root hash is not base64 of 32 bytes");
        var extensions = lines[3..];
        if (extensions.Any(e => e.Length == 0)) return Refuse(CheckpointRejectionReason.MalformedText, "an extension line is empty");
        return new CheckpointParse(new Checkpoint(origin, treeSize, root, extensions), null);
    }

    private static byte[]? DecodeRoot(string line)
    {
        var bytes = new byte[MerkleHash.Size];
        // Only the canonical encoding: 44 characters with padding, no whitespace, and it must re-encode the same.
        if (line.Length != 44 || !Convert.TryFromBase64String(line, bytes, out var written) || written != MerkleHash.Size) return null;
        return Convert.ToBase64String(bytes) == line ? bytes : null;
    }

    private static CheckpointParse Refuse(CheckpointRejectionReason reason, string detail) => new(null, new CheckpointRejection(reason, detail));

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && RootHash.AsSpan().SequenceEqual(other.RootHash)
        && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToBase64String(RootHash));
}

/// <summary>A parsed checkpoint, or why the text is not one.</summary>
public sealed record CheckpointParse(Checkpoint? Checkpoint, CheckpointRejection? Rejection);

/// <summary>Why a checkpoint or its signed note was refused: a stable reason to branch on and a detail for people.</summary>
public sealed record CheckpointRejection(CheckpointRejectionReason Reason, string Detail);

public enum CheckpointRejectionReason
{
    /// <summary>Not a signed note: no blank line before the signatures, no signature, bad UTF-8, control characters, too large.</summary>
    MalformedNote,

    /// <summary>A signature line that is not "— name base64".</summary>
    MalformedSignature,

    /// <summary>No signature by the trusted key (name and key id) at all.</summary>
    NoTrustedSignature,

    /// <summary>The trusted key's signature does not verify over the text.</summary>
    BadSignature,

    /// <summary>The note text is not a checkpoint: too few lines, a missing final newline, an empty extension line.</summary>
    MalformedText,
    MalformedOrigin,
    MalformedSize,
    MalformedRootHash,

    /// <summary>A well-formed checkpoint of another log than the one expected.</summary>
    WrongOrigin,

    /// <summary>The verifier key string (name+keyid+key) does not read.</summary>
    MalformedVerifierKey,
}
