using System.CommandLine;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>keygen NAME: NAME.key.pem (private) and NAME.pub.pem (public), for an issuer, a phone or a lock.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "File name stem, e.g. 'issuer', 'phone' or 'lock'" };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files" };
        var command = new Command("keygen", "Create a P-256 key pair as PEM files NAME.key.pem and NAME.pub.pem") { name, force };
        command.SetAction(result =>
        {
            var stem = result.GetRequiredValue(name);
            string privatePath = stem + ".key.pem", publicPath = stem + ".pub.pem";
            if (!result.GetValue(force) && (File.Exists(privatePath) || File.Exists(publicPath)))
            {
                Console.Error.WriteLine($"{privatePath} or {publicPath} exists; use --force to overwrite.");
                return 1;
            }
            using var key = P256.CreateKey();
            Keys.WritePrivate(privatePath, key);
            Keys.WritePublic(publicPath, key);
            Console.WriteLine($"Wrote {privatePath} (keep secret) and {publicPath}.");
            Console.WriteLine($"Public key hash (for revocation lists): {Convert.ToHexString(P256.KeyHash(P256.ExportPublicKey(key)))}");
            // A lock's public key is registered when the lock is mounted, in this form (65 bytes, base64).
            Console.WriteLine($"Public key (base64, for the mount form's \"Låsets publika nyckel\"): {Convert.ToBase64String(P256.ExportPublicKey(key))}");
            return 0;
        });
        return command;
    }
}
