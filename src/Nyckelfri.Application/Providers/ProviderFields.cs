using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>The fields of a provider that registration and editing share, and their validation.</summary>
public class ProviderFields
{
    public string? Name { get; set; }
    public ProviderKind? Kind { get; set; }

    /// <summary>NNNNNN-NNNN, or ten digits; stored as NNNNNN-NNNN. Optional.</summary>
    public string? OrganizationNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    internal sealed record Valid(string Name, ProviderKind Kind, string? OrganizationNumber, string? Phone, string? Email);

    /// <param name="id">The provider being edited (its own name is not a duplicate); null when registering.</param>
    internal async Task<Valid?> Check(Validator v, NyckelfriDbContext db, Guid? id, CancellationToken ct)
    {
        var name = v.Required(nameof(Name), Name, "Namn", 200);
        var kind = v.Enum(nameof(Kind), Kind, "Typ av utförare");
        string? organizationNumber = null;
        if (!string.IsNullOrWhiteSpace(OrganizationNumber) &&
            !Common.OrganizationNumber.TryParse(OrganizationNumber, out organizationNumber, out var error))
            v.Add(nameof(OrganizationNumber), error);
        var phone = v.Phone(nameof(Phone), Phone);
        var email = v.Email(nameof(Email), Email);
        if (name is not null && await NameTaken(db, name, id, ct))
            v.Add(nameof(Name), "Det finns redan en utförare med det namnet.");
        return name is null || kind is null ? null : new Valid(name, kind.Value, organizationNumber, phone, email);
    }

    internal void ApplyTo(Provider provider, Valid valid)
    {
        provider.Name = valid.Name;
        provider.Kind = valid.Kind;
        provider.OrganizationNumber = valid.OrganizationNumber;
        provider.Phone = valid.Phone;
        provider.Email = valid.Email;
    }

    // Two providers of one name could not be told apart in pick lists. A municipality has tens of
    // providers, so the names are compared here, ignoring case in every language, not by the database.
    private static async Task<bool> NameTaken(NyckelfriDbContext db, string name, Guid? id, CancellationToken ct)
    {
        var names = await db.Providers.Where(p => p.Id != id).Select(p => p.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
