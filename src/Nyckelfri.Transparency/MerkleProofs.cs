namespace Nyckelfri.Transparency;

/// <summary>
/// Inclusion and consistency proofs as RFC 6962 §2.1.1 (PATH) and §2.1.2 (PROOF/SUBPROOF) define them
/// (the same proofs as RFC 9162 §2.1.3.1 and §2.1.4.1), computed from the stored leaf hashes. Each subtree
/// hash in a proof is one read of its leaves, so a proof reads each leaf below the tree size at most once.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="treeSize"/> leaves, deepest first.</summary>
    public static IReadOnlyList<byte[]> Inclusion(ILeafHashSource source, long index, long treeSize)
    {
        if (index < 0 || index >= treeSize) throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {treeSize}.");
        var path = new List<byte[]>();
        Path(source, index, 0, treeSize, path);
        return path;
    }

    /// <summary>The proof that the tree of <paramref name="size1"/> leaves is a prefix of the tree of <paramref name="size2"/> (empty when either is trivial).</summary>
    public static IReadOnlyList<byte[]> Consistency(ILeafHashSource source, long size1, long size2)
    {
        if (size1 < 0 || size2 < size1) throw new ArgumentOutOfRangeException(nameof(size1), $"No consistency proof from {size1} to {size2}.");
        var proof = new List<byte[]>();
        if (size1 == 0 || size1 == size2) return proof;
        SubProof(source, size1, 0, size2, true, proof);
        return proof;
    }

    /// <summary>MTH(D[start:end]).</summary>
    public static byte[] SubtreeRoot(ILeafHashSource source, long start, long end) =>
        end == start ? MerkleHash.EmptyRoot() : MerkleHash.Root(source.Read(start, end));

    // PATH(m, D[start:end]): m is relative to start. The sibling subtree is appended after the deeper path.
    private static void Path(ILeafHashSource source, long m, long start, long end, List<byte[]> path)
    {
        var n = end - start;
        if (n == 1) return;
        var k = MerkleHash.SplitPoint(n);
        if (m < k)
        {
            Path(source, m, start, start + k, path);
            path.Add(SubtreeRoot(source, start + k, end));
        }
        else
        {
            Path(source, m - k, start + k, end, path);
            path.Add(SubtreeRoot(source, start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b).
    private static void SubProof(ILeafHashSource source, long m, long start, long end, bool whole, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole) proof.Add(SubtreeRoot(source, start, end));
            return;
        }
        var k = MerkleHash.SplitPoint(n);
        if (m <= k)
        {
            SubProof(source, m, start, start + k, whole, proof);
            proof.Add(SubtreeRoot(source, start + k, end));
        }
        else
        {
            SubProof(source, m - k, start + k, end, false, proof);
            proof.Add(SubtreeRoot(source, start, start + k));
        }
    }
}
