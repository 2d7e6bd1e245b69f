using Nyckelfri.Common;

namespace Nyckelfri.Properties;

public enum PropertyOwnerKind { HousingCompany, HousingAssociation, MunicipalHousing, PrivatePerson }

/// <summary>The owner of a building, or its housing association (BRF); consents to entrance locks.</summary>
public sealed class PropertyOwner : Entity
{
    private PropertyOwner() { }

    public PropertyOwner(Guid municipalityId, string name, PropertyOwnerKind kind)
    {
        MunicipalityId = municipalityId;
        Name = name;
        Kind = kind;
    }

    public string Name { get; set; } = "";
    public PropertyOwnerKind Kind { get; set; }
    public string? OrganizationNumber { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>
    /// "NNNNNN-NNNN": ten digits (a leading "16" century prefix is dropped), the Luhn check digit
    /// right, and the third digit 2 or more, as for every legal person. A personnummer (third digit
    /// 0 or 1, a month) is refused: it is personal data and is not kept unprotected here.
    /// </summary>
    public static string? NormalizeOrganizationNumber(string? input)
    {
        var digits = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal)) digits = digits[2..];
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || digits[2] < '2') return null;
        return Clients.PersonalIdentityNumber.HasValidCheckDigit(digits) ? $"{digits[..6]}-{digits[6..]}" : null;
    }

    public static string SwedishName(PropertyOwnerKind kind) => kind switch
    {
        PropertyOwnerKind.HousingCompany => "Fastighetsbolag",
        PropertyOwnerKind.HousingAssociation => "Bostadsrättsförening (BRF)",
        PropertyOwnerKind.MunicipalHousing => "Kommunalt bostadsbolag",
        PropertyOwnerKind.PrivatePerson => "Privatperson",
        _ => kind.ToString(),
    };
}

/// <summary>A street address: one building, owned by a property owner, with one or more entrances.</summary>
public sealed class Address : Entity
{
    private Address() { }

    public Address(Guid municipalityId, string street, string postalCode, string city)
    {
        MunicipalityId = municipalityId;
        Street = street;
        PostalCode = postalCode;
        City = city;
    }

    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public Guid? PropertyOwnerId { get; set; }
    public PropertyOwner? PropertyOwner { get; private set; }
    public List<Entrance> Entrances { get; private set; } = [];

    public string OneLine => $"{Street}, {PostalCode} {City}";

    /// <summary>"123 45": five digits, shown with a space.</summary>
    public static string? NormalizePostalCode(string? input)
    {
        var digits = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == 5 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]} {digits[3..]}" : null;
    }
}

public enum ConsentStatus { NotAsked, Asked, Given, Refused }

/// <summary>
/// A building entrance (port), shared by every home behind it. Carries the property owner's
/// consent to an entrance lock (SPEC §11.3): an entrance lock is installed only once it is given.
/// </summary>
public sealed class Entrance : Entity
{
    private Entrance() { }

    public Entrance(Address address, string name)
    {
        MunicipalityId = address.MunicipalityId;
        AddressId = address.Id;
        Name = name;
    }

    public Guid AddressId { get; private set; }
    public Address? Address { get; private set; }
    public string Name { get; set; } = "";
    public ConsentStatus ConsentStatus { get; private set; }
    public DateOnly? ConsentDate { get; private set; }
    public string? ConsentNote { get; private set; }

    /// <summary>Records the owner's answer. Asked, given and refused each carry the date it happened.</summary>
    public void RecordConsent(ConsentStatus status, DateOnly? date, string? note, DateOnly today)
    {
        if (status != ConsentStatus.NotAsked && date is null)
            throw ValidationFailedException.For(nameof(ConsentDate), "Ange datum för samtycket.");
        if (date > today)
            throw ValidationFailedException.For(nameof(ConsentDate), "Datumet kan inte ligga i framtiden.");
        ConsentStatus = status;
        ConsentDate = status == ConsentStatus.NotAsked ? null : date;
        ConsentNote = note;
    }

    public static string SwedishName(ConsentStatus status) => status switch
    {
        ConsentStatus.NotAsked => "Ej tillfrågad",
        ConsentStatus.Asked => "Tillfrågad, inget svar",
        ConsentStatus.Given => "Samtycke givet",
        ConsentStatus.Refused => "Samtycke nekat",
        _ => status.ToString(),
    };
}
