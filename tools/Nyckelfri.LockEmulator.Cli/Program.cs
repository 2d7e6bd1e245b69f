using System.CommandLine;
using Nyckelfri.LockEmulator.Cli;

// nyckelfri-lock: the lock protocol from the command line (docs/lock-protocol.md).
var root = new RootCommand("Keys, credentials, revocation lists and openings against emulated Nyckelfri locks (protocol v2).")
{
    KeygenCommand.Create(),
    IssueCommand.Create(),
    RevokeCommand.Create(),
    ProveCommand.Create(),
    OpenCommand.Create(),
    LoadCommand.Create(),
    EventsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
