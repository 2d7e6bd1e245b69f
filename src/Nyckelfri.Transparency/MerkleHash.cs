using System.Security.Cryptography;

namespace Nyckelfri.Transparency;

/// <summary>
/// The Merkle tree hash of RFC 6962 §2.1 (RFC 9162 §2.1.1): a leaf is SHA-256(0x00 ‖ entry), an interior
/// node SHA-256(0x01 ‖ left ‖ right), and the tree over n leaves splits at the largest power of two below n.
/// The two prefixes keep a leaf from ever hashing like a node (second-preimage resistance).
/// </summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>MTH of the empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var buffer = entry.Length <= 1024 ? stackalloc byte[entry.Length + 1] : new byte[entry.Length + 1];
        buffer[0] = 0x00;
        entry.CopyTo(buffer[1..]);
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * Size];
        if (left.Length != Size || right.Length != Size) throw new ArgumentException("A node's children are 32-byte hashes.");
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root over the given leaf hashes (all of them), built bottom-up through a compact range.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        var range = new CompactRange();
        foreach (var leaf in leafHashes) range.Append(leaf);
        return range.Root();
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): where RFC 6962 splits a tree of n leaves.</summary>
    internal static long SplitPoint(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
