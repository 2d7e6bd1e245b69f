namespace Nyckelfri.UnitTests.Transparency;

/// <summary>
/// RFC 6962's reference test data as published in transparency-dev/merkle (Apache-2.0):
/// proof/verify_test.go at commit 02194e9afb6c1d95b5381350007963aa70fff472 (the eight leaves, the roots of
/// the trees of sizes 1 to 8, the inclusion and consistency proofs) and rfc6962/rfc6962_test.go at commit
/// 78493b07ef9b552e3379abf9e23d4da26fbe797c (the empty tree, the empty leaf, a leaf and a node). The same
/// data came from google/certificate-transparency's C++ merkle_tree_test. Only the values are copied.
/// </summary>
internal static class Rfc6962Vectors
{
    public static readonly byte[][] Leaves =
    [
        H(""), H("00"), H("10"), H("2021"), H("3031"), H("40414243"), H("5051525354555657"), H("606162636465666768696a6b6c6d6e6f"),
    ];

    /// <summary>Roots[i] is the root of the tree over the first i + 1 leaves.</summary>
    public static readonly byte[][] Roots =
    [
        H("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        H("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
        H("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        H("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
        H("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
        H("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
        H("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
    ];

    /// <summary>(leaf number counted from 1, tree size, path) as published.</summary>
    public static readonly (long Leaf, long Size, string[] Path)[] InclusionProofs =
    [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (2, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ];

    public static readonly (long Size1, long Size2, string[] Proof)[] ConsistencyProofs =
    [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ];

    public static byte[] H(string hex) => Convert.FromHexString(hex);

    public static byte[][] Hs(string[] hex) => [.. hex.Select(H)];
}
