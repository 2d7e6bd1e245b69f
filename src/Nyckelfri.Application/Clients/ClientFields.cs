using Nyckelfri.Common;

namespace Nyckelfri.Clients;

/// <summary>The fields of a client that registration and editing share, and their validation.</summary>
public class ClientFields
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>10 or 12 digits, with or without '-'/'+'. Stored normalised.</summary>
    public string? PersonalIdentityNumber { get; set; }
    public string? Phone { get; set; }

    /// <summary>On edit, empty keeps the stored code; see <c>RemoveDoorCode</c>.</summary>
    public string? DoorCode { get; set; }
    public bool HasCodeLock { get; set; }
    public bool OpensDoorThemself { get; set; }
    public bool AgreedNoInstall { get; set; }
    public DateOnly? InformedOn { get; set; }
    public LockDecision LockDecision { get; set; }

    /// <summary>The checked values. <see cref="Number"/> is null when an edit keeps the stored number.</summary>
    internal sealed record Valid(string FirstName, string LastName, PersonalIdentityNumber? Number, string? Phone, string? DoorCode);

    /// <param name="numberRequired">False on edit: an empty personnummer keeps the stored one, so the
    /// form never has to show it in clear.</param>
    internal Valid? Check(Validator v, DateOnly today, bool numberRequired)
    {
        var first = v.Required(nameof(FirstName), FirstName, "Förnamn", 100);
        var last = v.Required(nameof(LastName), LastName, "Efternamn", 100);
        Clients.PersonalIdentityNumber? number = null;
        var keepNumber = !numberRequired && string.IsNullOrWhiteSpace(PersonalIdentityNumber);
        if (!keepNumber && !Clients.PersonalIdentityNumber.TryParse(PersonalIdentityNumber, today, out number, out var error))
            v.Add(nameof(PersonalIdentityNumber), error);
        var phone = v.Phone(nameof(Phone), Phone);
        var doorCode = v.Optional(nameof(DoorCode), DoorCode, "Portkod", 20);
        if (!Enum.IsDefined(LockDecision)) v.Add(nameof(LockDecision), "Svaret om digitalt lås har ett okänt värde.");
        Client.ValidateLockInformation(v, InformedOn, LockDecision, today);
        return first is null || last is null || (number is null && !keepNumber) ? null : new Valid(first, last, number, phone, doorCode);
    }

    internal void ApplyTo(Client client, Valid valid)
    {
        client.Rename(valid.FirstName, valid.LastName);
        if (valid.Number is not null) client.ChangePersonalIdentityNumber(valid.Number);
        client.Phone = valid.Phone;
        client.HasCodeLock = HasCodeLock;
        client.OpensDoorThemself = OpensDoorThemself;
        client.AgreedNoInstall = AgreedNoInstall;
        client.InformedOn = InformedOn;
        client.LockDecision = LockDecision;
    }
}
