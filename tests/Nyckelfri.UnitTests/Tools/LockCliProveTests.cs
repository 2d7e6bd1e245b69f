using System.Diagnostics;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.Tools;

/// <summary>
/// <c>nyckelfri-lock prove</c>, the alarm centre's way to register a phone-app key or fob by hand
/// (docs/digital-keys.md): the built tool, run as a process, writes a key with <c>keygen</c> and a proof
/// with <c>prove</c> that the server's <see cref="Enrolment.Verify"/> accepts for that challenge and
/// digital key only; a challenge that is not 32 bytes of base64 exits 1 with the reason.
/// </summary>
public sealed class LockCliProveTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nyckelfri-lock-cli-");

    [Fact]
    public async Task Prove_WritesAProofTheServerAcceptsForThatChallengeAndKeyOnly()
    {
        (await Run("keygen", "phone")).Code.ShouldBe(0);
        var challenge = new byte[Enrolment.ChallengeLength];
        Random.Shared.NextBytes(challenge);
        var digitalKeyId = Guid.NewGuid();

        var (code, output, _) = await Run("prove", "--device-key", "phone.key.pem", "--challenge", Convert.ToBase64String(challenge),
            "--digital-key", digitalKeyId.ToString());

        code.ShouldBe(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var publicKey = Convert.FromBase64String(lines.Single(l => l.StartsWith("Publik nyckel: ", StringComparison.Ordinal))["Publik nyckel: ".Length..]);
        var proof = Convert.FromBase64String(lines.Single(l => l.StartsWith("Bevis: ", StringComparison.Ordinal))["Bevis: ".Length..]);
        Enrolment.Verify(publicKey, challenge, digitalKeyId, proof).ShouldBeTrue();
        Enrolment.IsLowS(proof).ShouldBeTrue();
        Enrolment.Verify(publicKey, challenge, Guid.NewGuid(), proof).ShouldBeFalse();
        challenge[0] ^= 1;
        Enrolment.Verify(publicKey, challenge, digitalKeyId, proof).ShouldBeFalse();
    }

    [Fact]
    public async Task Prove_WithAChallengeThatIsNot32Bytes_ExitsOneAndSaysWhy()
    {
        (await Run("keygen", "phone")).Code.ShouldBe(0);

        var (code, _, error) = await Run("prove", "--device-key", "phone.key.pem", "--challenge", Convert.ToBase64String(new byte[31]),
            "--digital-key", Guid.NewGuid().ToString());

        code.ShouldBe(1);
        error.ShouldContain("The challenge must be base64 of 32 bytes.");
    }

    /// <summary>The tool as built next to these tests (same configuration), run in the test's own directory.</summary>
    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string ToolPath()
    {
        // tests/Nyckelfri.UnitTests/bin/<Configuration>/<tfm>/ → tools/Nyckelfri.LockEmulator.Cli/bin/<Configuration>/<tfm>/nyckelfri-lock.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, configuration) = (here.Name, here.Parent!.Name);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Nyckelfri.slnx"))) root = root.Parent;
        var path = Path.Combine(root!.FullName, "tools", "Nyckelfri.LockEmulator.Cli", "bin", configuration, tfm, "nyckelfri-lock.dll");
        File.Exists(path).ShouldBeTrue($"{path} is built with the solution (the unit tests' project reference builds it first)");
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
