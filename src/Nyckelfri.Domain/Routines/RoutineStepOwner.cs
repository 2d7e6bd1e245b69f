using Nyckelfri.Common;
using Nyckelfri.Identity;

namespace Nyckelfri.Routines;

/// <summary>
/// One line of a municipality's routine configuration (SPEC §1.2): the role that owns a step (for a
/// routed step, the step on one route). Filled from a preset; an administrator may reassign a line,
/// and the change is in the history like any other.
/// </summary>
public sealed class RoutineStepOwner : Entity
{
    /// <summary>Stored for a step that is not routed, so that a unique index covers every line.</summary>
    public const string NoRoute = "";

    private RoutineStepOwner() { }

    public RoutineStepOwner(Guid municipalityId, StepOwnerKey key, string role)
    {
        MunicipalityId = municipalityId;
        StepCode = key.StepCode;
        Route = key.Route ?? NoRoute;
        Reassign(role);
    }

    public string StepCode { get; private set; } = "";
    public string Route { get; private set; } = NoRoute;
    public string Role { get; private set; } = "";

    public void Reassign(string role)
    {
        if (!Roles.All.Contains(role) || role == Roles.Integration)
            throw ValidationFailedException.For(nameof(Role), "Välj en roll som finns.");
        Role = role;
    }

    /// <summary>Every line of a preset, for a municipality that starts from it or switches to it.</summary>
    public static IEnumerable<RoutineStepOwner> From(Guid municipalityId, RoutinePreset preset) =>
        RoutinePresets.Owners(preset).Select(line => new RoutineStepOwner(municipalityId, line.Key, line.Value));
}
