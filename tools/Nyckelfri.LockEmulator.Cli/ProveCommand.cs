using System.CommandLine;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>
/// prove: the device's proof of possession for a device-key enrolment (docs/lock-protocol.md, "Device-key
/// enrolment"), so that the alarm centre's registration of a phone-app key or fob can be done by hand:
/// ask the server for a challenge, run this with the device's key file, paste both lines into the form.
/// </summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var deviceKey = Options.ExistingFile("--device-key", "The device's private key (PEM), as keygen phone writes it");
        var challenge = new Option<string>("--challenge") { Description = "The server's enrolment challenge (base64, 32 bytes)", Required = true };
        var digitalKey = new Option<Guid>("--digital-key") { Description = "The digital key id the challenge was handed out for", Required = true };
        var command = new Command("prove", "Sign an enrolment challenge with a device key (proof of possession)")
        {
            deviceKey, challenge, digitalKey,
        };
        command.SetAction(result =>
        {
            byte[] challengeBytes;
            try { challengeBytes = Convert.FromBase64String(result.GetRequiredValue(challenge)); }
            catch (FormatException) { challengeBytes = []; }
            if (challengeBytes.Length != Enrolment.ChallengeLength)
            {
                Console.Error.WriteLine($"The challenge must be base64 of {Enrolment.ChallengeLength} bytes.");
                return 1;
            }
            using var key = Keys.Load(result.GetRequiredValue(deviceKey));
            var proof = Enrolment.Prove(key, challengeBytes, result.GetRequiredValue(digitalKey));
            Console.WriteLine($"Publik nyckel: {Convert.ToBase64String(P256.ExportPublicKey(key))}");
            Console.WriteLine($"Bevis: {Convert.ToBase64String(proof)}");
            return 0;
        });
        return command;
    }
}
