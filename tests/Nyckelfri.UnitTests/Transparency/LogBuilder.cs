using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

/// <summary>A log as the database would hold it (rows of index, canonical entry, stored leaf hash) and checkpoints over it.</summary>
internal static class LogBuilder
{
    public const string Origin = "nyckelfri.example/5b0e1c2a-0000-4000-8000-000000000001/audit";

    public static byte[] Entry(long index, Random random) =>
        LogEntryEnvelope.Create(1, index, new CanonicalWriter()
            .Guid(new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]))
            .String(random.Next(3) == 0 ? null : $"Ändrad {random.Next(1000)}")
            .Time(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(TimeSpan.TicksPerDay)))
            .Int64(random.Next(2) == 0 ? null : random.NextInt64())
            .ToArray());

    public static List<LogRecord> Log(int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(i => Entry(i, random)).Select((e, i) => new LogRecord(i, e, MerkleHash.Leaf(e)))];

    public static List<Checkpoint> Checkpoints(IReadOnlyList<LogRecord> log, params long[] sizes) =>
        [.. sizes.Select(size => new Checkpoint(Origin, size, MerkleHash.Root([.. log.Take((int)size).Select(r => r.LeafHash)])))];
}
