using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Nyckelfri.Transparency;

namespace Nyckelfri.UnitTests.Transparency;

/// <summary>
/// tools/audit-verify.py, the verifier outside .NET (Python 3 and cryptography, as a registrar would run it),
/// run as a process on a bundle this code made: it accepts the real one and refuses each tampered copy.
/// test.sh installs python3-cryptography where it is missing; without it these tests fail, they never skip.
/// </summary>
public sealed class AuditVerifyScriptTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nyckelfri-audit-verify-");
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _bundle;

    public AuditVerifyScriptTests()
    {
        var log = LogBuilder.Log(40, new Random(14));
        var source = new LeafHashList([.. log.Select(r => r.LeafHash)]);
        var checkpoints = LogBuilder.Checkpoints(log, 13, 40);
        var notes = checkpoints.Select(c => SignedNote.Sign(c, LogBuilder.Origin, _key)).ToList();
        _bundle = new ProofBundle(
            NoteVerifier.ForKey(LogBuilder.Origin, _key).VerifierKey,
            notes,
            [
                new InclusionProofJson(1, 29, log[29].Entry, log[29].LeafHash, MerkleProofs.Inclusion(source, 29, 40)),
                new InclusionProofJson(0, 12, null, log[12].LeafHash, MerkleProofs.Inclusion(source, 12, 13)),
                new InclusionProofJson(1, 0, log[0].Entry, log[0].LeafHash, MerkleProofs.Inclusion(source, 0, 40)),
            ],
            [new ConsistencyProofJson(0, 1, MerkleProofs.Consistency(source, 13, 40))]).ToJson();
    }

    public void Dispose()
    {
        _key.Dispose();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Script_OnTheBundleAsMade_SaysOk()
    {
        var (code, output, error) = await Run(_bundle);

        code.ShouldBe(0, error);
        output.ShouldContain("OK: 2 checkpoints signed, 3 inclusion proofs, 1 consistency proofs");
    }

    [Fact]
    public async Task Script_WithTheMunicipalitysKeyGivenSeparately_SaysOk_AndWithAnotherKeyFails()
    {
        var key = NoteVerifier.ForKey(LogBuilder.Origin, _key).VerifierKey;
        (await Run(_bundle, "--verifier-key", key)).Code.ShouldBe(0);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (code, _, error) = await Run(_bundle, "--verifier-key", NoteVerifier.ForKey(LogBuilder.Origin, other).VerifierKey);

        code.ShouldBe(1);
        error.ShouldContain("no signature by");
    }

    public static TheoryData<string, string> Tamperings() => new()
    {
        { "a bit of an inclusion proof", "inclusion proof 0" },
        { "the index of an inclusion proof", "inclusion proof 0" },
        { "an entry's bytes", "the entry does not give its leaf hash" },
        { "a consistency proof cut short", "consistency proof 0" },
        { "the size in a signed checkpoint", "does not verify" },
        { "the root in a signed checkpoint", "does not verify" },
        { "the consistency proof's direction", "consistency proof 0" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Script_OnATamperedBundle_ExitsOneAndSaysWhat(string what, string expected)
    {
        var bundle = JsonNode.Parse(_bundle)!;
        switch (what)
        {
            case "a bit of an inclusion proof":
                var hash = Convert.FromBase64String((string)bundle["inclusion"]![0]!["proof"]![1]!);
                hash[7] ^= 0x01;
                bundle["inclusion"]![0]!["proof"]![1] = Convert.ToBase64String(hash);
                break;
            case "the index of an inclusion proof":
                bundle["inclusion"]![0]!["leafIndex"] = 28;
                break;
            case "an entry's bytes":
                var entry = Convert.FromBase64String((string)bundle["inclusion"]![2]!["entry"]!);
                entry[^1] ^= 0x40;
                bundle["inclusion"]![2]!["entry"] = Convert.ToBase64String(entry);
                break;
            case "a consistency proof cut short":
                bundle["consistency"]![0]!["proof"]!.AsArray().RemoveAt(0);
                break;
            case "the size in a signed checkpoint":
                bundle["checkpoints"]![1] = ((string)bundle["checkpoints"]![1]!).Replace("\n40\n", "\n41\n", StringComparison.Ordinal);
                break;
            case "the root in a signed checkpoint":
                var note = (string)bundle["checkpoints"]![0]!;
                var lines = note.Split('\n');
                var root = Convert.FromBase64String(lines[2]);
                root[0] ^= 0x80;
                bundle["checkpoints"]![0] = note.Replace(lines[2], Convert.ToBase64String(root), StringComparison.Ordinal);
                break;
            case "the consistency proof's direction":
                bundle["consistency"]![0]!["from"] = 1;
                bundle["consistency"]![0]!["to"] = 0;
                break;
        }

        var (code, output, error) = await Run(bundle.ToJsonString());

        code.ShouldBe(1, $"{what}: {output}");
        error.ShouldContain(expected, Case.Sensitive, what);
    }

    private async Task<(int Code, string Output, string Error)> Run(string bundle, params string[] args)
    {
        var file = Path.Combine(_dir.FullName, "bundle.json");
        await File.WriteAllTextAsync(file, bundle);
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tools", "audit-verify.py"));
        start.ArgumentList.Add(file);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Nyckelfri.slnx"))) return folder.FullName;
        throw new InvalidOperationException($"No Nyckelfri.slnx above {AppContext.BaseDirectory}.");
    }
}
