using System.Security.Cryptography;
using System.Text;
using Nyckelfri.Common;

namespace Nyckelfri.Identity;

/// <summary>
/// A key for a system integration (the case-management import, a lock gateway). Only a SHA-256 hash
/// is stored; the key itself is shown once, when created. The first characters (the prefix) find the row.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int PrefixLength = 12;

    private ApiKey() { }

    public string Name { get; private set; } = "";
    public string Role { get; private set; } = Roles.Integration;
    public string Prefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a key; returns the entity and the secret to show the administrator once.</summary>
    public static (ApiKey Key, string Secret) Create(Guid municipalityId, string name, string createdBy, DateTime now)
    {
        var secret = "nf_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            MunicipalityId = municipalityId,
            Name = name,
            Prefix = secret[..PrefixLength],
            KeyHash = Hash(secret),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        return (key, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(KeyHash));

    public void Revoke(DateTime now)
    {
        if (RevokedAt is not null) throw new RuleViolationException("api-key-revoked", "Nyckeln är redan spärrad.");
        RevokedAt = now;
    }
}
