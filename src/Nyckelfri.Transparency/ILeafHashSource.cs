namespace Nyckelfri.Transparency;

/// <summary>
/// Where proofs read the stored leaf hashes from: the log's table in the application, a list in tests
/// and tools. Proofs need nothing else, so the content of an entry past its retention can go.
/// </summary>
public interface ILeafHashSource
{
    /// <summary>The leaf hashes of indexes <paramref name="start"/> up to (not including) <paramref name="end"/>, in order.</summary>
    IReadOnlyList<byte[]> Read(long start, long end);
}

/// <summary>Leaf hashes held in memory.</summary>
public sealed class LeafHashList(IReadOnlyList<byte[]> leafHashes) : ILeafHashSource
{
    public IReadOnlyList<byte[]> Read(long start, long end)
    {
        if (start < 0 || end < start || end > leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(end), $"Leaves {start}..{end} are outside a log of {leafHashes.Count}.");
        return leafHashes.Skip((int)start).Take((int)(end - start)).ToList();
    }
}
