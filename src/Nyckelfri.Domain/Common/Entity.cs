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

public enum SecretKind { DoorCode, PersonalIdentityNumber }
