namespace Nyckelfri.History;

/// <summary>
/// One line of a record's history: who did what to which record, when, and what changed (before and
/// after, secrets masked). Append-only: nothing updates or deletes a row. The increasing
/// <see cref="Id"/> gives the order; a later issue adds a hash chain over that order.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public Guid MunicipalityId { get; init; }
    public string EntityType { get; init; } = "";
    public Guid EntityId { get; init; }
    public string Action { get; init; } = "";
    public DateTime At { get; init; }
    public string? UserId { get; init; }
    public string UserName { get; init; } = "";

    /// <summary>JSON array of <see cref="FieldChange"/>; secrets appear only as masks.</summary>
    public string Changes { get; init; } = "[]";
    public string? Reason { get; init; }
}

public sealed record FieldChange(string Field, string? Before, string? After);

public static class AuditActions
{
    public const string Created = nameof(Created);
    public const string Updated = nameof(Updated);
    public const string Deleted = nameof(Deleted);
    public const string DoorCodeRevealed = nameof(DoorCodeRevealed);
    public const string PersonalIdentityNumberRevealed = nameof(PersonalIdentityNumberRevealed);
    public const string PersonalIdentityNumberSearched = nameof(PersonalIdentityNumberSearched);

    public static string SwedishName(string action) => action switch
    {
        Created => "Skapad",
        Updated => "Ändrad",
        Deleted => "Borttagen",
        DoorCodeRevealed => "Portkod visad",
        PersonalIdentityNumberRevealed => "Personnummer visat",
        PersonalIdentityNumberSearched => "Hittad genom sökning på personnummer",
        _ => action,
    };
}
