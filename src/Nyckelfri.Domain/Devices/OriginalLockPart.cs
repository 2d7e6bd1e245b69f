using Nyckelfri.Clients;
using Nyckelfri.Common;

namespace Nyckelfri.Devices;

/// <summary>
/// The client's own lock parts (the ordinary thumb turn, "ordinarie låsvred"), taken off at install and
/// kept in store tagged to the client until the lock is removed and they go back on the door (seed 003).
/// </summary>
public sealed class OriginalLockPart : Entity
{
    private OriginalLockPart() { }

    public OriginalLockPart(Client client, StockLocation location, string description, string? tag, DateOnly storedOn)
    {
        if (location.MunicipalityId != client.MunicipalityId) throw new NotFoundException("Lagerplatsen");
        MunicipalityId = client.MunicipalityId;
        ClientId = client.Id;
        StockLocationId = location.Id;
        StockLocation = location;
        Description = description;
        Tag = tag;
        StoredOn = storedOn;
    }

    public Guid ClientId { get; private set; }
    public Client? Client { get; private set; }
    public Guid StockLocationId { get; private set; }
    public StockLocation? StockLocation { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>What is written on the bag or box, so the part is found again (a key number, a shelf).</summary>
    public string? Tag { get; private set; }
    public DateOnly StoredOn { get; private set; }
    public DateOnly? ReturnedOn { get; private set; }
    public string? ReturnNote { get; private set; }

    public bool IsInStore => ReturnedOn is null;

    public void MoveTo(StockLocation location)
    {
        if (!IsInStore) throw new RuleViolationException("lock-part-returned", "Låsdelarna är redan återlämnade.");
        if (location.MunicipalityId != MunicipalityId) throw new NotFoundException("Lagerplatsen");
        StockLocationId = location.Id;
        StockLocation = location;
    }

    /// <summary>Put back on the client's door at removal (or handed to the client).</summary>
    public void Return(DateOnly on, string? note)
    {
        if (!IsInStore) throw new RuleViolationException("lock-part-returned", "Låsdelarna är redan återlämnade.");
        if (on < StoredOn)
            throw ValidationFailedException.For("ReturnedOn", "Återlämningsdatum kan inte ligga före datumet då delarna lagrades.");
        ReturnedOn = on;
        ReturnNote = note;
    }
}
