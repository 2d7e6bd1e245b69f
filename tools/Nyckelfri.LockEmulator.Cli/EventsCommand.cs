using System.CommandLine;
using System.Globalization;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>
/// events: a batch of a lock's events as the lock hands it over (protocol v2): numbered, hash-chained
/// and signed with the lock's own key, ready for POST /api/v1/locks/{id}/events.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var lockKey = Options.ExistingFile("--lock-key", "The lock's private key (PEM, from 'keygen lock')");
        var lockId = new Option<Guid>("--lock") { Description = "The lock's id", Required = true };
        var count = new Option<int>("--count") { Description = $"Events to make (1–{Protocol.MaxEventsPerBatch})", DefaultValueFactory = _ => 1 };
        var after = new Option<long>("--after") { Description = "The last number the lock gave before (0 for a new lock)" };
        var previous = new Option<string?>("--previous-hash") { Description = "Hex hash of that event (the chain start, 32 zero bytes, if left out)" };
        var employee = new Option<Guid?>("--employee") { Description = "The employee id the openings name" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the batch (binary)", Required = true };
        var command = new Command("events", "Make a signed, hash-chained batch of 'Opened' events from a lock, as the lock hands it over")
        {
            lockKey, lockId, count, after, previous, employee, output,
        };
        command.SetAction(result =>
        {
            var n = result.GetValue(count);
            if (n is < 1 or > Protocol.MaxEventsPerBatch)
            {
                Console.Error.WriteLine($"--count must be 1–{Protocol.MaxEventsPerBatch}.");
                return 1;
            }
            using var key = Keys.Load(result.GetRequiredValue(lockKey));
            var id = result.GetValue(lockId);
            var previousHash = result.GetValue(previous) is { Length: > 0 } hex ? Convert.FromHexString(hex) : null;
            var chain = new EventChain(id, key, result.GetValue(after), previousHash);
            var start = DateTimeOffset.UtcNow.AddMinutes(-n);
            var events = Enumerable.Range(0, n)
                .Select(i => chain.Append(s => new LockEvent(id, s, start.AddMinutes(i), LockEventKind.Opened, EmployeeId: result.GetValue(employee))))
                .ToList();
            var batch = chain.Sign(events);
            File.WriteAllBytes(result.GetRequiredValue(output).FullName, batch.ToArray());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Batch of events {batch.FirstSequence}–{batch.LastSequence} ({batch.Encoded.Length} bytes), head {Convert.ToHexString(batch.HeadHash)}"));
            Console.WriteLine("Upload body: {\"batch\": \"" + Convert.ToBase64String(batch.Encoded) + "\"}");
            return 0;
        });
        return command;
    }
}
