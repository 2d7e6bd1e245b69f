using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>
/// load: N full openings spread over M emulated locks on every core. Each opening is a challenge,
/// the phone's signature and the lock's verification (two signature checks). Prints openings per
/// second, and the lock's verification alone per second per core.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var openings = new Option<int>("--openings") { Description = "How many openings", DefaultValueFactory = _ => 20_000 };
        var locks = new Option<int>("--locks") { Description = "How many emulated locks", DefaultValueFactory = _ => 100 };
        var threads = new Option<int>("--threads")
        {
            Description = "Worker threads (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("load", "Openings across many emulated locks; prints verifications per second") { openings, locks, threads };
        command.SetAction(result => Run(result.GetValue(openings), result.GetValue(locks), result.GetValue(threads)));
        return command;
    }

    private static int Run(int openings, int lockCount, int threads)
    {
        if (openings < 1 || lockCount < 1 || threads < 1)
        {
            Console.Error.WriteLine("--openings, --locks and --threads must be at least 1.");
            return 1;
        }
        using var issuerKey = P256.CreateKey();
        var issuer = new Issuer("load-1", issuerKey);
        using var platform = new EmulatedLockPlatform();
        var now = DateTimeOffset.UtcNow;
        var doors = new (EmulatedLock Lock, Holder Phone, Credential Credential)[lockCount];
        var phoneKeys = new List<IDisposable>();
        for (var i = 0; i < lockCount; i++)
        {
            // One phone per lock, so that threads share neither a lock nor a phone more than they must.
            var phoneKey = P256.CreateKey();
            phoneKeys.Add(phoneKey);
            var phone = new Holder(phoneKey);
            var door = platform.Add(new EmulatedLockOptions
            {
                LockId = Guid.CreateVersion7(),
                SerialNumber = string.Create(CultureInfo.InvariantCulture, $"LOAD-{i:0000}"),
                TrustedIssuers = [issuer.Trusted()],
                DrainPerOpening = 0,
                DrainPerChallenge = 0,
            });
            doors[i] = (door, phone, issuer.Issue(Guid.CreateVersion7(), phone.PublicKey, door.LockId, now.AddMinutes(-5), now.AddHours(8)));
        }

        long opened = 0, verifyTicks = 0;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, openings, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => 0L, (i, _, ticks) =>
        {
            var (door, phone, credential) = doors[i % lockCount];
            var response = phone.Answer(door.Challenge(), credential).ToArray();
            var start = Stopwatch.GetTimestamp();
            if (door.Present(response).Opened)
                Interlocked.Increment(ref opened);
            return ticks + (Stopwatch.GetTimestamp() - start);
        }, ticks => Interlocked.Add(ref verifyTicks, ticks));
        wall.Stop();
        phoneKeys.ForEach(k => k.Dispose());

        var seconds = wall.Elapsed.TotalSeconds;
        var verifySeconds = (double)verifyTicks / Stopwatch.Frequency;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture, $"{openings:N0} openings on {lockCount} locks, {threads} threads, {Environment.ProcessorCount} cores: {seconds:0.00} s"));
        Console.WriteLine(string.Create(culture, $"Opened: {opened:N0} of {openings:N0}"));
        Console.WriteLine(string.Create(culture, $"Full openings (challenge + phone signature + lock verification): {openings / seconds:N0}/s"));
        Console.WriteLine(string.Create(culture, $"Lock verifications: {openings / verifySeconds:N0}/s per core (time inside the lock only)"));
        return opened == openings ? 0 : 2;
    }
}
