namespace Nyckelfri.Access;

/// <summary>
/// What the server knows of one lock's state: the highest event number stored, the revocation list
/// the lock last reported taking, and when it was last heard from. The lag between the lock's list and
/// the newest list is the worst-case exposure of a blocked key (SPEC §6).
/// </summary>
public sealed class LockSync
{
    private LockSync() { }

    public LockSync(Guid municipalityId, Guid lockId)
    {
        MunicipalityId = municipalityId;
        LockId = lockId;
    }

    public Guid LockId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public long HighestSequence { get; set; }
    public long MissingEvents { get; set; }
    public long RevocationListVersion { get; set; }
    public DateTime? RevocationListAppliedAt { get; set; }
    public DateTime? LastHeardAt { get; set; }

    /// <summary>Raised on every change: two uploads for one lock cannot both move it from the same state.</summary>
    public int Version { get; set; }
}

/// <summary>A signed revocation list the server issued; the newest is what phones carry to the locks.</summary>
public sealed class RevocationListRecord
{
    private RevocationListRecord() { }

    public RevocationListRecord(Guid municipalityId, long listVersion, DateTime issuedAt, byte[] encoded, int entries)
    {
        MunicipalityId = municipalityId;
        ListVersion = listVersion;
        IssuedAt = issuedAt;
        Encoded = encoded;
        Entries = entries;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public long ListVersion { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public byte[] Encoded { get; private set; } = [];
    public int Entries { get; private set; }
}
