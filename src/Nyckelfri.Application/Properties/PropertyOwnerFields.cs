using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>The fields of a property owner that registration and editing share, and their validation.</summary>
public class PropertyOwnerFields
{
    public string? Name { get; set; }
    public PropertyOwnerKind? Kind { get; set; }

    /// <summary>NNNNNN-NNNN, with or without the dash. Stored with it.</summary>
    public string? OrganizationNumber { get; set; }

    /// <summary>The person the locksmith and the fee officer call about an entrance lock.</summary>
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    internal sealed record Valid(string Name, PropertyOwnerKind Kind, string? OrganizationNumber,
        string? ContactName, string? ContactPhone, string? ContactEmail);

    /// <param name="ownerId">The owner being edited, whose own number is not a duplicate; null on registration.</param>
    internal async Task<Valid> Check(NyckelfriDbContext db, Guid? ownerId, CancellationToken ct)
    {
        var v = new Validator();
        var name = v.Required(nameof(Name), Name, "Namn", 120);
        var kind = v.Enum(nameof(Kind), Kind, "Typ");
        string? number = null;
        if (!string.IsNullOrWhiteSpace(OrganizationNumber))
        {
            number = PropertyOwner.NormalizeOrganizationNumber(OrganizationNumber);
            if (number is null)
                v.Add(nameof(OrganizationNumber), "Organisationsnumret ska vara tio siffror med rätt kontrollsiffra, till exempel 556036-0793. Personnummer registreras inte här.");
            else if (await db.PropertyOwners.AnyAsync(o => o.OrganizationNumber == number && o.Id != ownerId, ct))
                v.Add(nameof(OrganizationNumber), "Det finns redan en fastighetsägare med detta organisationsnummer.");
        }
        var contactName = v.Optional(nameof(ContactName), ContactName, "Kontaktperson", 120);
        var phone = v.Phone(nameof(ContactPhone), ContactPhone, "Kontaktens telefon");
        var email = v.Email(nameof(ContactEmail), ContactEmail, "Kontaktens e-post");
        v.ThrowIfInvalid();
        return new Valid(name!, kind!.Value, number, contactName, phone, email);
    }

    internal static void ApplyTo(PropertyOwner owner, Valid valid)
    {
        owner.Name = valid.Name;
        owner.Kind = valid.Kind;
        owner.OrganizationNumber = valid.OrganizationNumber;
        owner.ContactName = valid.ContactName;
        owner.ContactPhone = valid.ContactPhone;
        owner.ContactEmail = valid.ContactEmail;
    }
}
