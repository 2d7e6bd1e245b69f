using Nyckelfri.Common;
using Nyckelfri.Households;
using Nyckelfri.Services;

namespace Nyckelfri.Clients;

public enum LockDecision { NotAsked, Accepted, Declined }

/// <summary>
/// A person who receives care at home (brukare). Personnummer and door code are secrets: masked by
/// default, revealed only by an explicit, logged action, and never written to history in clear.
/// </summary>
public sealed class Client : Entity
{
    // The fixed wording of seed 003, recorded verbatim when the flag is set.
    public const string CodeLockText = "Har kodlås på ytterdörr. Digitalt lås kan inte installeras.";
    public const string OpensDoorThemselfText = "Öppnar dörren själv vid hemtjänstinsatser. Har inget digitalt lås.";
    public const string AgreedNoInstallText = "Överenskommet med biståndshandläggare att digitalt lås inte ska installeras.";

    private Client() { }

    public Client(Guid municipalityId, string firstName, string lastName, PersonalIdentityNumber number)
    {
        MunicipalityId = municipalityId;
        Rename(firstName, lastName);
        PersonalIdentityNumber = number.Value;
    }

    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";

    /// <summary>"förnamn efternamn" in lower case, so search ignores case in Swedish on every database.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Normalised 12 digits. Use <see cref="Clients.PersonalIdentityNumber.FromStored"/> to read it.</summary>
    [Secret(SecretKind.PersonalIdentityNumber)]
    public string PersonalIdentityNumber { get; private set; } = "";

    public string? Phone { get; set; }

    [Secret(SecretKind.DoorCode)]
    public string? DoorCode { get; set; }

    public Guid HouseholdId { get; private set; }
    public Household? Household { get; private set; }

    public bool HasCodeLock { get; set; }
    public bool OpensDoorThemself { get; set; }
    public bool AgreedNoInstall { get; set; }

    /// <summary>When the case officer informed the client about digital locks.</summary>
    public DateOnly? InformedOn { get; set; }
    public LockDecision LockDecision { get; set; }
    public List<CareService> Services { get; private set; } = [];

    public string FullName => $"{FirstName} {LastName}";
    public string MaskedPersonalIdentityNumber => Clients.PersonalIdentityNumber.Mask(PersonalIdentityNumber);

    public void Rename(string firstName, string lastName)
    {
        FirstName = firstName;
        LastName = lastName;
        SearchName = SearchText.Of(firstName, lastName);
    }

    public void ChangePersonalIdentityNumber(PersonalIdentityNumber number) => PersonalIdentityNumber = number.Value;

    internal void MoveTo(Household household)
    {
        if (Household is not null && Household != household) Household.Clients.Remove(this);
        HouseholdId = household.Id;
        Household = household;
    }

    /// <summary>The fixed texts that apply to this client, in the order of seed 003.</summary>
    public IEnumerable<string> FlagTexts()
    {
        if (HasCodeLock) yield return CodeLockText;
        if (OpensDoorThemself) yield return OpensDoorThemselfText;
        if (AgreedNoInstall) yield return AgreedNoInstallText;
    }

    /// <summary>Checks the lock-information fields together.</summary>
    public static void ValidateLockInformation(Validator v, DateOnly? informedOn, LockDecision decision, DateOnly today)
    {
        if (informedOn > today) v.Add(nameof(InformedOn), "Datumet kan inte ligga i framtiden.");
        if (decision != LockDecision.NotAsked && informedOn is null)
            v.Add(nameof(InformedOn), "Ange när brukaren informerades innan du registrerar ett svar.");
    }

    public static string SwedishName(LockDecision decision) => decision switch
    {
        LockDecision.NotAsked => "Ej tillfrågad",
        LockDecision.Accepted => "Accepterar digitalt lås",
        LockDecision.Declined => "Avböjer digitalt lås",
        _ => decision.ToString(),
    };
}
