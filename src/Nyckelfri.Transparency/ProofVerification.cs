namespace Nyckelfri.Transparency;

/// <summary>
/// Checking proofs without the log, exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency)
/// describe: anyone holding two signed roots can check them. Malformed input (a wrong hash length, an index
/// outside the tree, sizes going backwards) is a failed proof, never an exception.
/// </summary>
public static class ProofVerification
{
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= treeSize || leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size) return false;
        if (proof.Any(p => p is null || p.Length != MerkleHash.Size)) return false;
        long fn = index, sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else r = MerkleHash.Node(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    public static bool VerifyConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        if (size1 < 0 || size2 < size1 || root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size) return false;
        if (proof.Any(p => p is null || p.Length != MerkleHash.Size)) return false;
        // The trivial cases RFC 9162 leaves to the caller: nothing to prove, so the proof must be empty.
        if (size1 == size2) return proof.Count == 0 && root1.SequenceEqual(root2);
        if (size1 == 0) return proof.Count == 0 && root1.SequenceEqual(MerkleHash.EmptyRoot());
        if (proof.Count == 0) return false;

        var path = long.IsPow2(size1) ? [root1.ToArray(), .. proof] : proof.ToList();
        long fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1) { fn >>= 1; sn >>= 1; }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else sr = MerkleHash.Node(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return fr.AsSpan().SequenceEqual(root1) && sr.AsSpan().SequenceEqual(root2) && sn == 0;
    }
}
