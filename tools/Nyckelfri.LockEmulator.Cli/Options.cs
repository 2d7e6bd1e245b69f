using System.CommandLine;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>Options several commands share.</summary>
internal static class Options
{
    public static Option<FileInfo> ExistingFile(string name, string description) =>
        new Option<FileInfo>(name) { Description = description, Required = true }.AcceptExistingOnly();

    public static Option<string> KeyId() => new("--key-id")
    {
        Description = "The issuer key id locks know the key by",
        DefaultValueFactory = _ => "nyckelfri-1",
    };
}
