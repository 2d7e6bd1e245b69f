using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Providers;

namespace Nyckelfri.Keys;

public enum KeySetStatus
{
    /// <summary>Held by a unit (home care, alarm group, night patrol), against a signed receipt.</summary>
    WithHolder,

    /// <summary>Given back to the client, against a signed receipt (services ended, or the set is no longer needed).</summary>
    ReturnedToClient,

    /// <summary>Lost: the client must be told; the lock cylinder may need changing. Final.</summary>
    Lost,
}

/// <summary>
/// A set of the client's ordinary keys (seed 003 §4): one key number, a number of keys, held by one
/// unit. Every hand-out, transfer and return comes with a <see cref="KeyReceipt"/>.
/// </summary>
public sealed class KeySet : Entity
{
    public const int MaxKeys = 10;

    private KeySet() { }

    /// <summary>The client hands a set to a unit.</summary>
    public KeySet(Client client, string keyNumber, int keyCount, Unit holder)
    {
        if (holder.MunicipalityId != client.MunicipalityId) throw new NotFoundException("Enheten");
        if (keyCount is < 1 or > MaxKeys)
            throw ValidationFailedException.For(nameof(KeyCount), $"Antal nycklar ska vara mellan 1 och {MaxKeys}.");
        MunicipalityId = client.MunicipalityId;
        ClientId = client.Id;
        KeyNumber = keyNumber;
        KeyCount = keyCount;
        Status = KeySetStatus.WithHolder;
        SetHolder(holder);
    }

    public Guid ClientId { get; private set; }
    public Client? Client { get; private set; }
    public string KeyNumber { get; private set; } = "";
    public int KeyCount { get; private set; }
    public KeySetStatus Status { get; private set; }

    /// <summary>The unit holding the set; null once returned to the client or lost.</summary>
    public Guid? HolderUnitId { get; private set; }
    public Unit? HolderUnit { get; private set; }
    public string? Note { get; set; }

    /// <summary>From one unit to another (a change of provider, say).</summary>
    public void TransferTo(Unit unit)
    {
        RequireWithHolder("lämnas över");
        if (unit.MunicipalityId != MunicipalityId) throw new NotFoundException("Enheten");
        if (unit.Id == HolderUnitId)
            throw ValidationFailedException.For("ToUnitId", "Nycklarna finns redan hos den enheten.");
        SetHolder(unit);
    }

    public void ReturnToClient()
    {
        RequireWithHolder("lämnas tillbaka");
        Status = KeySetStatus.ReturnedToClient;
        HolderUnitId = null;
        HolderUnit = null;
    }

    /// <summary>A set the client once took back is handed out again.</summary>
    public void HandOutAgain(Unit unit)
    {
        if (Status != KeySetStatus.ReturnedToClient)
            throw new RuleViolationException("key-set-illegal-transition",
                $"Nyckeluppsättning {KeyNumber} är {SwedishName(Status).ToLowerInvariant()} och kan inte lämnas ut igen.");
        if (unit.MunicipalityId != MunicipalityId) throw new NotFoundException("Enheten");
        Status = KeySetStatus.WithHolder;
        SetHolder(unit);
    }

    public void ReportLost(string note)
    {
        RequireWithHolder("anmälas förlorad");
        Status = KeySetStatus.Lost;
        Note = note;
    }

    private void SetHolder(Unit unit)
    {
        HolderUnitId = unit.Id;
        HolderUnit = unit;
    }

    private void RequireWithHolder(string action)
    {
        if (Status != KeySetStatus.WithHolder)
            throw new RuleViolationException("key-set-illegal-transition",
                $"Nyckeluppsättning {KeyNumber} är {SwedishName(Status).ToLowerInvariant()} och kan inte {action}.");
    }

    public static string SwedishName(KeySetStatus status) => status switch
    {
        KeySetStatus.WithHolder => "Hos enhet",
        KeySetStatus.ReturnedToClient => "Återlämnad till brukaren",
        KeySetStatus.Lost => "Förlorad",
        _ => status.ToString(),
    };
}
