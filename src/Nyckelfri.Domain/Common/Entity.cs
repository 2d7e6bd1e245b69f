namespace Nyckelfri.Common;

/// <summary>
/// A record of the registry. Every one belongs to exactly one municipality (tenant), carries a
/// version for optimistic concurrency (raised by the DbContext on every save) and is audited.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; protected init; }

    /// <summary>Raised on every save; an edit based on an older version is refused.</summary>
    public int Version { get; set; }
}

/// <summary>Marks a property whose value must never reach the history, a log or a notification.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute(SecretKind kind) : Attribute
{
    public SecretKind Kind { get; } = kind;
}

public enum SecretKind { DoorCode, PersonalIdentityNumber, KeyMaterial }

/// <summary>
/// Marks a property that a device reports by itself (a battery level, its forecast), not an edit by a
/// person. A save that changes only such properties neither raises the record's version (so a report
/// arriving while someone has the record's form open does not make their save a conflict) nor writes a
/// history line (the readings are kept in their own append-only table).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TelemetryAttribute : Attribute;
