namespace Nyckelfri.Tenancy;

/// <summary>
/// Creates the demo municipalities. Only the demo registers one (Nyckelfri.Demo, <c>AddNyckelfriDemo</c>):
/// a host without the demo has none, so invented people cannot be created there by mistake.
/// </summary>
public interface IDemoSeed
{
    /// <summary>
    /// Creates the demo in an empty database. False, with nothing done, when the database already holds
    /// a municipality: invented people never end up next to real ones.
    /// Run it in a scope whose DbContext works as the system (<see cref="Common.AccessScope.System(Guid)"/>).
    /// </summary>
    Task<bool> CreateOnEmptyAsync(CancellationToken cancellationToken);
}
