namespace Nyckelfri.Identity;

/// <summary>A demo login as the login page lists it: its user name, its role and what it sees, in Swedish.</summary>
public sealed record DemoLoginEntry(string UserName, string RoleName, string Scope);

/// <summary>
/// The demo logins the login page may show, with their one published password. Only the demo
/// registers one (Nyckelfri.Demo, <c>AddNyckelfriDemo</c>): no demo, no list.
/// </summary>
public interface IDemoLoginList
{
    /// <summary>The one password of every demo login.</summary>
    string Password { get; }

    /// <summary>The demo logins, while a demo municipality exists; none otherwise (a real municipality shows none).</summary>
    Task<IReadOnlyList<DemoLoginEntry>> ListAsync(CancellationToken cancellationToken);
}
