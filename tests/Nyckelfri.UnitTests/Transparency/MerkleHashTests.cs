using System.Security.Cryptography;
using System.Text;
using Nyckelfri.Transparency;
using static Nyckelfri.UnitTests.Transparency.Rfc6962Vectors;

namespace Nyckelfri.UnitTests.Transparency;

public sealed class MerkleHashTests
{
    [Fact]
    public void EmptyRoot_IsSha256OfNothing() =>
        Convert.ToHexStringLower(MerkleHash.EmptyRoot()).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    [Fact]
    public void Leaf_PublishedVectors()
    {
        Convert.ToHexStringLower(MerkleHash.Leaf([])).ShouldBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        Convert.ToHexStringLower(MerkleHash.Leaf("L123456"u8)).ShouldBe("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    }

    [Fact]
    public void Node_PublishedVector()
    {
        // The published vector hashes two 4-byte "children"; Node takes only 32-byte hashes, so the same bytes go through SHA-256 directly.
        var expected = SHA256.HashData([0x01, .. "N123"u8, .. "N456"u8]);
        Convert.ToHexStringLower(expected).ShouldBe("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
        var left = MerkleHash.Leaf("a"u8);
        var right = MerkleHash.Leaf("b"u8);
        MerkleHash.Node(left, right).ShouldBe(SHA256.HashData([0x01, .. left, .. right]));
        MerkleHash.Node(right, left).ShouldNotBe(MerkleHash.Node(left, right));
    }

    [Fact]
    public void Node_ChildThatIsNotAHash_Throws() =>
        Should.Throw<ArgumentException>(() => MerkleHash.Node(new byte[31], new byte[32]));

    [Fact]
    public void Root_OfTheEightReferenceLeaves_MatchesThePublishedRootAtEverySize()
    {
        for (var size = 1; size <= Leaves.Length; size++)
            Convert.ToHexStringLower(MerkleHash.Root([.. Leaves.Take(size).Select(l => MerkleHash.Leaf(l))]))
                .ShouldBe(Convert.ToHexStringLower(Roots[size - 1]), $"size {size}");
    }

    [Fact]
    public void Root_OfNoLeaves_IsTheEmptyRoot() => MerkleHash.Root([]).ShouldBe(MerkleHash.EmptyRoot());

    [Fact]
    public void Leaf_OfAConcatenationOfTwoHashes_IsNotTheirNode()
    {
        var a = MerkleHash.Leaf("a"u8);
        var b = MerkleHash.Leaf("b"u8);
        MerkleHash.Leaf([.. a, .. b]).ShouldNotBe(MerkleHash.Node(a, b));
    }

    [Fact]
    public void CompactRange_EverySizeTo130_MatchesTheRecursiveDefinition()
    {
        var leaves = Enumerable.Range(0, 130).Select(i => MerkleHash.Leaf(Encoding.UTF8.GetBytes($"entry {i}"))).ToList();
        var range = new CompactRange();
        range.Root().ShouldBe(MerkleHash.EmptyRoot());
        for (var n = 1; n <= leaves.Count; n++)
        {
            range.Append(leaves[n - 1]);
            range.Size.ShouldBe(n);
            range.Frontier.Count.ShouldBe((int)long.PopCount(n), "one hash per set bit of the size: O(log n)");
            range.Root().ShouldBe(ReferenceRoot(leaves, 0, n), $"size {n}");
        }
    }

    [Fact]
    public void CompactRange_RestoredFromItsFrontier_AppendsAsIfNeverStopped()
    {
        var leaves = Enumerable.Range(0, 77).Select(i => MerkleHash.Leaf([(byte)i, 7])).ToList();
        for (var stop = 0; stop <= leaves.Count; stop++)
        {
            var first = CompactRange.FromLeafHashes(leaves.Take(stop));
            var restored = CompactRange.FromFrontier(first.Size, first.Frontier);
            foreach (var leaf in leaves.Skip(stop)) restored.Append(leaf);
            restored.Root().ShouldBe(ReferenceRoot(leaves, 0, leaves.Count), $"stopped at {stop}");
        }
    }

    [Fact]
    public void CompactRange_FrontierThatDoesNotFitTheSize_IsRefused()
    {
        var range = CompactRange.FromLeafHashes(Enumerable.Range(0, 5).Select(i => MerkleHash.Leaf([(byte)i])));
        Should.Throw<ArgumentException>(() => CompactRange.FromFrontier(7, range.Frontier));
        Should.Throw<ArgumentException>(() => CompactRange.FromFrontier(4, range.Frontier));
        Should.Throw<ArgumentException>(() => CompactRange.FromFrontier(5, [range.Frontier[0], new byte[31]]));
        Should.Throw<ArgumentException>(() => new CompactRange().Append(new byte[33]));
    }

    /// <summary>MTH exactly as RFC 6962 §2.1 writes it, recursively: the independent reference.</summary>
    internal static byte[] ReferenceRoot(IReadOnlyList<byte[]> leafHashes, int start, int end)
    {
        var n = end - start;
        if (n == 0) return SHA256.HashData([]);
        if (n == 1) return leafHashes[start];
        var k = 1;
        while (k * 2 < n) k *= 2;
        return SHA256.HashData([0x01, .. ReferenceRoot(leafHashes, start, start + k), .. ReferenceRoot(leafHashes, start + k, end)]);
    }
}
