namespace Nyckelfri.Transparency;

/// <summary>
/// The right edge of a Merkle tree (a "compact range" or frontier): one hash per set bit of the tree's
/// size, the roots of its perfect subtrees from the left. That is all an appender needs: appending a leaf
/// merges equal-sized subtrees like a binary counter, and the root folds the frontier from the right. So
/// the server keeps O(log n) hashes per log and never reads the log to append; after a restart it is rebuilt
/// from the stored frontier or, failing that, from the stored leaf hashes.
/// </summary>
public sealed class CompactRange
{
    // Perfect subtree roots, largest (leftmost) first; _hashes[i] covers 2^bit leaves for the i-th set bit of Size from the top.
    private readonly List<byte[]> _hashes = [];

    public long Size { get; private set; }

    public CompactRange() { }

    private CompactRange(long size, IEnumerable<byte[]> hashes)
    {
        Size = size;
        _hashes.AddRange(hashes.Select(h => (byte[])h.Clone()));
    }

    /// <summary>The frontier as stored: the perfect subtrees' roots, leftmost (largest) first; one per set bit of <see cref="Size"/>.</summary>
    public IReadOnlyList<byte[]> Frontier => _hashes.Select(h => (byte[])h.Clone()).ToList();

    /// <summary>A range restored from its stored size and frontier; refuses a frontier that does not fit the size.</summary>
    public static CompactRange FromFrontier(long size, IReadOnlyList<byte[]> frontier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (frontier.Count != long.PopCount(size))
            throw new ArgumentException($"A tree of {size} leaves has {long.PopCount(size)} frontier hashes, not {frontier.Count}.");
        if (frontier.Any(h => h.Length != MerkleHash.Size)) throw new ArgumentException("Frontier hashes are 32 bytes.");
        return new CompactRange(size, frontier);
    }

    /// <summary>A range rebuilt from every stored leaf hash, in order.</summary>
    public static CompactRange FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        var range = new CompactRange();
        foreach (var leaf in leafHashes) range.Append(leaf);
        return range;
    }

    public void Append(byte[] leafHash)
    {
        if (leafHash.Length != MerkleHash.Size) throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        var hash = (byte[])leafHash.Clone();
        // Each trailing set bit of the old size is a subtree of the new leaf's height: merge it in.
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            hash = MerkleHash.Node(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
        }
        _hashes.Add(hash);
        Size++;
    }

    /// <summary>MTH of the tree so far: the frontier folded from the right (the smallest subtree is the rightmost).</summary>
    public byte[] Root()
    {
        if (Size == 0) return MerkleHash.EmptyRoot();
        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--) root = MerkleHash.Node(_hashes[i], root);
        return (byte[])root.Clone();
    }
}
