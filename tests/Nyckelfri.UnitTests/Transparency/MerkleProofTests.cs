using Nyckelfri.Transparency;
using static Nyckelfri.UnitTests.Transparency.Rfc6962Vectors;

namespace Nyckelfri.UnitTests.Transparency;

public sealed class MerkleProofTests
{
    private static readonly List<byte[]> ReferenceLeafHashes = [.. Leaves.Select(l => MerkleHash.Leaf(l))];

    /// <summary>64 leaves and the root of every prefix, by the recursive definition (not by the code under test).</summary>
    private static readonly List<byte[]> Leaves64 = [.. Enumerable.Range(0, 64).Select(i => MerkleHash.Leaf([(byte)i, (byte)(i * 7), 0x5a]))];
    private static readonly byte[][] Roots64 = [.. Enumerable.Range(0, 65).Select(n => MerkleHashTests.ReferenceRoot(Leaves64, 0, n))];

    [Fact]
    public void Inclusion_PublishedProofs_AreGeneratedAndVerify()
    {
        foreach (var (leaf, size, path) in InclusionProofs)
        {
            var source = new LeafHashList(ReferenceLeafHashes.Take((int)size).ToList());
            var proof = MerkleProofs.Inclusion(source, leaf - 1, size);
            proof.Select(Convert.ToHexStringLower).ShouldBe(path, $"leaf {leaf} of {size}");
            ProofVerification.VerifyInclusion(leaf - 1, size, ReferenceLeafHashes[(int)leaf - 1], Hs(path), Roots[size - 1]).ShouldBeTrue();
        }
    }

    [Fact]
    public void Consistency_PublishedProofs_AreGeneratedAndVerify()
    {
        foreach (var (size1, size2, expected) in ConsistencyProofs)
        {
            var proof = MerkleProofs.Consistency(new LeafHashList(ReferenceLeafHashes), size1, size2);
            proof.Select(Convert.ToHexStringLower).ShouldBe(expected, $"{size1} to {size2}");
            ProofVerification.VerifyConsistency(size1, size2, Roots[size1 - 1], Roots[size2 - 1], Hs(expected)).ShouldBeTrue();
        }
    }

    [Fact]
    public void Inclusion_EveryLeafOfEveryTreeSizeTo64_VerifiesAndEveryCorruptionFails()
    {
        var source = new LeafHashList(Leaves64);
        for (long size = 1; size <= 64; size++)
            for (long index = 0; index < size; index++)
            {
                var proof = MerkleProofs.Inclusion(source, index, size);
                var leaf = Leaves64[(int)index];
                var root = Roots64[size];
                ProofVerification.VerifyInclusion(index, size, leaf, proof, root).ShouldBeTrue($"leaf {index} of {size}");
                foreach (var (what, ok) in InclusionCorruptions(index, size, leaf, proof, root))
                    ok.ShouldBeFalse($"leaf {index} of {size}: {what}");
            }
    }

    [Fact]
    public void Consistency_EveryPairOfTreeSizesTo64_VerifiesAndEveryCorruptionFails()
    {
        var source = new LeafHashList(Leaves64);
        for (long size2 = 1; size2 <= 64; size2++)
            for (long size1 = 0; size1 <= size2; size1++)
            {
                var proof = MerkleProofs.Consistency(source, size1, size2);
                ProofVerification.VerifyConsistency(size1, size2, Roots64[size1], Roots64[size2], proof).ShouldBeTrue($"{size1} to {size2}");
                foreach (var (what, ok) in ConsistencyCorruptions(size1, size2, Roots64[size1], Roots64[size2], proof))
                    ok.ShouldBeFalse($"{size1} to {size2}: {what}");
            }
    }

    [Fact]
    public void Verify_MalformedInput_FailsWithoutThrowing()
    {
        var root = Roots64[8];
        var proof = MerkleProofs.Inclusion(new LeafHashList(Leaves64), 3, 8);
        ProofVerification.VerifyInclusion(-1, 8, Leaves64[3], proof, root).ShouldBeFalse();
        ProofVerification.VerifyInclusion(3, 8, Leaves64[3], [.. proof.Take(2), new byte[5]], root).ShouldBeFalse();
        ProofVerification.VerifyInclusion(3, 8, Leaves64[3], proof, root[..31]).ShouldBeFalse();
        ProofVerification.VerifyInclusion(0, 0, Leaves64[0], [], MerkleHash.EmptyRoot()).ShouldBeFalse();
        ProofVerification.VerifyConsistency(8, 4, root, Roots64[4], []).ShouldBeFalse();
        ProofVerification.VerifyConsistency(0, 4, Roots64[3], Roots64[4], []).ShouldBeFalse("the empty tree's root is SHA-256 of nothing");
        ProofVerification.VerifyConsistency(4, 4, Roots64[4], Roots64[5], []).ShouldBeFalse();
    }

    [Fact]
    public void Proofs_OutsideTheTree_Throw()
    {
        var source = new LeafHashList(Leaves64);
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Inclusion(source, 8, 8));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Consistency(source, 9, 8));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Inclusion(source, 0, 65));
    }

    private static IEnumerable<(string What, bool Verifies)> InclusionCorruptions(long index, long size, byte[] leaf, IReadOnlyList<byte[]> proof, byte[] root)
    {
        yield return ("index - 1", ProofVerification.VerifyInclusion(index - 1, size, leaf, proof, root));
        yield return ("index + 1", ProofVerification.VerifyInclusion(index + 1, size, leaf, proof, root));
        if ((index ^ 2) < size) yield return ("index ^ 2", ProofVerification.VerifyInclusion(index ^ 2, size, leaf, proof, root));
        yield return ("size * 2", ProofVerification.VerifyInclusion(index, size * 2, leaf, proof, root));
        if (size > 1) yield return ("size / 2", ProofVerification.VerifyInclusion(index, size / 2, leaf, proof, root));
        yield return ("another leaf", ProofVerification.VerifyInclusion(index, size, MerkleHash.Leaf("x"u8), proof, root));
        yield return ("the empty root", ProofVerification.VerifyInclusion(index, size, leaf, proof, MerkleHash.EmptyRoot()));
        yield return ("trailing root", ProofVerification.VerifyInclusion(index, size, leaf, [.. proof, root], root));
        yield return ("preceding root", ProofVerification.VerifyInclusion(index, size, leaf, [root, .. proof], root));
        if (proof.Count > 0) yield return ("removed component", ProofVerification.VerifyInclusion(index, size, leaf, proof.Take(proof.Count - 1).ToList(), root));
        for (var i = 0; i < proof.Count; i++)
            yield return ($"bit flipped in proof[{i}]", ProofVerification.VerifyInclusion(index, size, leaf, Flipped(proof, i), root));
    }

    private static IEnumerable<(string What, bool Verifies)> ConsistencyCorruptions(long size1, long size2, byte[] root1, byte[] root2, IReadOnlyList<byte[]> proof)
    {
        if (root1.SequenceEqual(root2)) yield break;
        yield return ("swapped roots", ProofVerification.VerifyConsistency(size1, size2, root2, root1, proof));
        yield return ("trailing root2", ProofVerification.VerifyConsistency(size1, size2, root1, root2, [.. proof, root2]));
        yield return ("preceding root1", ProofVerification.VerifyConsistency(size1, size2, root1, root2, [root1, .. proof]));
        // Every tree extends the empty one, so from size 0 only the proof's emptiness and the first root can be wrong.
        if (size1 == 0) yield break;
        yield return ("another root2", ProofVerification.VerifyConsistency(size1, size2, root1, Roots64[0], proof));
        yield return ("size1 - 1", ProofVerification.VerifyConsistency(size1 - 1, size2, root1, root2, proof));
        if (size1 + 1 < size2) yield return ("size1 + 1", ProofVerification.VerifyConsistency(size1 + 1, size2, root1, root2, proof));
        yield return ("size2 * 2", ProofVerification.VerifyConsistency(size1, size2 * 2, root1, root2, proof));
        yield return ("empty proof", ProofVerification.VerifyConsistency(size1, size2, root1, root2, []));
        yield return ("truncated", ProofVerification.VerifyConsistency(size1, size2, root1, root2, proof.Take(proof.Count - 1).ToList()));
        for (var i = 0; i < proof.Count; i++)
            yield return ($"bit flipped in proof[{i}]", ProofVerification.VerifyConsistency(size1, size2, root1, root2, Flipped(proof, i)));
    }

    private static List<byte[]> Flipped(IReadOnlyList<byte[]> proof, int i)
    {
        var copy = proof.Select(p => (byte[])p.Clone()).ToList();
        copy[i][0] ^= 0x10;
        return copy;
    }
}
