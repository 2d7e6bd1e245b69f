using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// The protocol's credential kind as the access log stores it. The domain keeps its own enum (it
/// references no other project); the names are equal, so a stored value is the protocol's name.
/// </summary>
public static class CredentialKinds
{
    public static AccessCredentialKind ToAccessLog(this CredentialKind kind) => kind switch
    {
        CredentialKind.Normal => AccessCredentialKind.Normal,
        CredentialKind.BreakGlass => AccessCredentialKind.BreakGlass,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A credential kind the access log does not know."),
    };
}
