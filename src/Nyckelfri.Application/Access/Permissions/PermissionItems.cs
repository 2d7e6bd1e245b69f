using Nyckelfri.Devices;
using Nyckelfri.Services;

namespace Nyckelfri.Access;

/// <summary>One reason an employee may open a lock, as the permission pages and the API show it.</summary>
public sealed record PermissionPathItem(Guid ClientId, string ClientName, bool ClientVisible, CareServiceKind ServiceKind, Guid UnitId,
    string UnitName, AccessGrantKind? ViaGrant, DateOnly? LastDay, string Explanation)
{
    /// <summary>Swedish: own unit, substitute booking, added unit.</summary>
    public string Via => ViaGrant switch
    {
        AccessGrantKind.SubstituteBooking => "Vikariebokning",
        AccessGrantKind.AddUnit => "Tillagd enhet",
        _ => "Egen enhet",
    };

    internal static PermissionPathItem From(PermissionPath path, IReadOnlySet<Guid> visibleClients) =>
        new(path.ClientId, path.ClientName, visibleClients.Contains(path.ClientId), path.ServiceKind, path.UnitId, path.UnitName, path.ViaGrant,
            path.LastDay, path.Explanation);
}

internal static class PermissionMasking
{
    public const string OtherProvidersClient = "en brukare hos en annan utförare";

    /// <summary>
    /// The rule reads past the caller's provider scope; what it shows does not: a client the caller may
    /// not see is named only as another provider's client (SPEC §1.4).
    /// </summary>
    public static LockFacts Mask(LockFacts facts, IReadOnlySet<Guid> visibleClients) =>
        facts with
        {
            Services = facts.Services
                .Select(s => visibleClients.Contains(s.ClientId) ? s : s with { ClientName = OtherProvidersClient })
                .ToList(),
        };

    public static string KindName(DeviceKind kind) => kind == DeviceKind.EntranceUnit ? "Portenhet" : "Låsenhet";
}
