using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nyckelfri.Identity;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Identity's own password hasher, counting how often each password was verified against a hash. A test
/// that sends a password no other test uses reads how many hash verifications its request cost: a fact
/// about the work done, where a stopwatch on a shared machine would only be noise.
/// </summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);
    private readonly ConcurrentDictionary<string, int> _verified = new(StringComparer.Ordinal);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        _verified.AddOrUpdate(providedPassword, 1, (_, n) => n + 1);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    /// <summary>How many times <paramref name="password"/> was checked against a stored (or dummy) hash.</summary>
    public int Verifications(string password) => _verified.GetValueOrDefault(password);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<CountingPasswordHasher>();
        services.RemoveAll<IPasswordHasher<AppUser>>();
        services.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
    }
}
