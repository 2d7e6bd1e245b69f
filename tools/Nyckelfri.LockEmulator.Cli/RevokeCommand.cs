using System.CommandLine;
using System.Globalization;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>revoke: a signed revocation list naming credentials, phones and employees.</summary>
internal static class RevokeCommand
{
    public static Command Create()
    {
        var issuerKey = Options.ExistingFile("--issuer-key", "The issuer's private key (PEM)");
        var keyId = Options.KeyId();
        var version = new Option<long>("--list-version") { Description = "Higher than every list issued before", Required = true };
        var credentials = new Option<Guid[]>("--credential") { Description = "A credential id to revoke (repeatable)" };
        var phones = new Option<FileInfo[]>("--holder-key") { Description = "A phone's public key file to revoke (repeatable)" };
        var employees = new Option<Guid[]>("--employee") { Description = "An employee id to revoke (repeatable)" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the list", Required = true };
        var command = new Command("revoke", "Make a signed revocation list")
        {
            issuerKey, keyId, version, credentials, phones, employees, output,
        };
        command.SetAction(result =>
        {
            using var key = Keys.Load(result.GetRequiredValue(issuerKey));
            var issuer = new Issuer(result.GetRequiredValue(keyId), key);
            var keyHashes = (result.GetValue(phones) ?? []).Select(f => P256.KeyHash(Keys.LoadPublic(f)));
            var list = issuer.IssueRevocationList(result.GetValue(version), DateTimeOffset.UtcNow,
                result.GetValue(credentials), keyHashes, result.GetValue(employees));
            File.WriteAllBytes(result.GetRequiredValue(output).FullName, list.ToArray());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Revocation list {list.ListVersion} ({list.Encoded.Length} bytes): {list.CredentialIds.Count} credentials, " +
                $"{list.HolderKeyHashes.Count} phones, {list.EmployeeIds.Count} employees"));
            return 0;
        });
        return command;
    }
}
