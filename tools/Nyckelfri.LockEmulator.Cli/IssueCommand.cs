using System.CommandLine;
using System.Globalization;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>issue: a credential for one employee's phone to one lock, signed with the issuer key.</summary>
internal static class IssueCommand
{
    public static Command Create()
    {
        var issuerKey = Options.ExistingFile("--issuer-key", "The issuer's private key (PEM)");
        var keyId = Options.KeyId();
        var holderKey = Options.ExistingFile("--holder-key", "The phone's public (or private) key (PEM)");
        var employee = new Option<Guid>("--employee") { Description = "Employee id", DefaultValueFactory = _ => Guid.CreateVersion7() };
        var lockId = new Option<Guid>("--lock") { Description = "Lock id", Required = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Start of the window (default: now)" };
        var hours = new Option<double>("--hours") { Description = "Length of the window, at most 12", DefaultValueFactory = _ => 8 };
        var breakGlass = new Option<bool>("--break-glass") { Description = "An emergency credential" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the credential", Required = true };
        var command = new Command("issue", "Issue a signed credential (binary file; also printed as base64)")
        {
            issuerKey, keyId, holderKey, employee, lockId, from, hours, breakGlass, output,
        };
        command.SetAction(result =>
        {
            using var key = Keys.Load(result.GetRequiredValue(issuerKey));
            var issuer = new Issuer(result.GetRequiredValue(keyId), key);
            var start = result.GetValue(from) ?? DateTimeOffset.UtcNow;
            Credential credential;
            try
            {
                credential = issuer.Issue(result.GetValue(employee), Keys.LoadPublic(result.GetRequiredValue(holderKey)),
                    result.GetValue(lockId), start, start.AddHours(result.GetValue(hours)),
                    result.GetValue(breakGlass) ? CredentialKind.BreakGlass : CredentialKind.Normal);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"Not issued: {e.Message}");
                return 1;
            }
            File.WriteAllBytes(result.GetRequiredValue(output).FullName, credential.ToArray());
            Describe(credential);
            Console.WriteLine(Convert.ToBase64String(credential.Encoded));
            return 0;
        });
        return command;
    }

    public static void Describe(Credential credential)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine($"Credential {credential.CredentialId} ({credential.Kind}, {credential.Encoded.Length} bytes)");
        Console.WriteLine($"  issuer key {credential.IssuerKeyId}, employee {credential.EmployeeId}, lock {credential.LockId}");
        Console.WriteLine(string.Create(culture, $"  valid {credential.ValidFrom:u} – {credential.ValidUntil:u}"));
    }
}
