using System.CommandLine;
using System.Globalization;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>
/// open: one full challenge and response between a phone (the holder key) and an emulated lock that
/// trusts the given issuer key; prints the lock's verdict in Swedish with its reason code.
/// </summary>
internal static class OpenCommand
{
    public static Command Create()
    {
        var credentialFile = Options.ExistingFile("--credential", "The credential file (from 'issue')");
        var holderKey = Options.ExistingFile("--holder-key", "The phone's private key (PEM)");
        var issuerPublic = Options.ExistingFile("--issuer-public", "The issuer public key the lock trusts (PEM)");
        var keyId = Options.KeyId();
        var lockId = new Option<Guid?>("--lock") { Description = "The lock's id (default: the credential's lock)" };
        var revocationList = new Option<FileInfo?>("--revocation-list") { Description = "A revocation list the lock gets first" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "The real time of the opening (default: now)" };
        var drift = new Option<int>("--clock-offset") { Description = "Seconds the lock's clock is ahead (negative: behind)" };
        var command = new Command("open", "Run a full challenge/response against an emulated lock")
        {
            credentialFile, holderKey, issuerPublic, keyId, lockId, revocationList, at, drift,
        };
        command.SetAction(result =>
        {
            if (!Credential.TryDecode(File.ReadAllBytes(result.GetRequiredValue(credentialFile).FullName), out var credential, out var reason))
            {
                Console.Error.WriteLine($"The credential file does not parse: {RefusalReasonTexts.Swedish(reason)} ({reason})");
                return 1;
            }
            IssueCommand.Describe(credential);

            using var phoneKey = Keys.Load(result.GetRequiredValue(holderKey));
            var phone = new Holder(phoneKey);
            if (!credential.HolderPublicKey.SequenceEqual(phone.PublicKey))
            {
                Console.Error.WriteLine("The credential is bound to another phone's key.");
                return 1;
            }

            var clock = result.GetValue(at) is { } fixedTime ? new FixedClock(fixedTime) : TimeProvider.System;
            using var door = new EmulatedLock(new EmulatedLockOptions
            {
                LockId = result.GetValue(lockId) ?? credential.LockId,
                SerialNumber = "EMU-CLI",
                TrustedIssuers = [new TrustedIssuer(result.GetRequiredValue(keyId), Keys.LoadPublic(result.GetRequiredValue(issuerPublic)))],
                ClockOffset = TimeSpan.FromSeconds(result.GetValue(drift)),
            }, clock);

            if (result.GetValue(revocationList) is { } listFile)
            {
                var update = door.ApplyRevocationList(File.ReadAllBytes(listFile.FullName));
                Console.WriteLine(update.Applied
                    ? $"Spärrlista version {update.CurrentVersion} inläst."
                    : $"Spärrlistan nekades: {RefusalReasonTexts.Swedish(update.Reason)} ({update.Reason})");
            }

            var challenge = door.Challenge();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Lås {door.LockId}: utmaning med {challenge.Nonce.Length} byte nonce, låsets tid {challenge.LockTime:u}"));
            var opened = door.Present(phone.Answer(challenge, credential).Encoded);
            Report(opened);
            return opened.Opened ? 0 : 2;
        });
        return command;
    }

    private static void Report(OpenResult result) =>
        Console.WriteLine(result.Opened
            ? $"Resultat: ÖPPNAT ({result.Reason}), händelse {result.EventSequence}"
            : $"Resultat: NEKAT – {RefusalReasonTexts.Swedish(result.Reason)} ({result.Reason}), händelse {result.EventSequence}");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
