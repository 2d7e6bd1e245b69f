using Nyckelfri.Common;

namespace Nyckelfri.Tenancy;

/// <summary>A municipality: the tenant. Nothing of one municipality is ever visible in another.</summary>
public sealed class Municipality : Entity
{
    private Municipality() { }

    public Municipality(string name, string code, bool isDemo)
    {
        MunicipalityId = Id;
        Name = name;
        Code = code;
        IsDemo = isDemo;
        // Outside the demo, system administrators must use two-factor login (issue 2 §7).
        TwoFactorRoles = isDemo ? string.Empty : Identity.Roles.SystemAdministrator;
    }

    public string Name { get; set; } = "";

    /// <summary>Short lower-case code, unique, used in API keys and exports.</summary>
    public string Code { get; private set; } = "";

    /// <summary>A demo municipality: generated data, demo logins, two-factor off by default.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Comma-separated roles whose users must log in with two factors (TOTP).</summary>
    public string TwoFactorRoles { get; set; } = "";

    /// <summary>
    /// The routine preset the municipality started from (issue 4). Who owns each step is in its
    /// <see cref="Routines.RoutineStepOwner"/> rows; the preset names where they came from.
    /// </summary>
    public Routines.RoutinePreset RoutinePreset { get; set; } = Routines.RoutinePreset.Salem;

    public const int DefaultBatteryThreshold = 20;

    /// <summary>A battery reported below this percentage opens a battery-change task (seed 002 §8).</summary>
    public int BatteryThreshold { get; private set; } = DefaultBatteryThreshold;

    public void ChangeBatteryThreshold(int percent)
    {
        if (percent is < 1 or > 90)
            throw ValidationFailedException.For(nameof(BatteryThreshold), "Gränsen för lågt batteri ska vara mellan 1 och 90 %.");
        BatteryThreshold = percent;
    }

    /// <summary>Where finished visits are posted (HTTPS), or null for none.</summary>
    public string? VisitWebhookUrl { get; set; }

    /// <summary>The shared secret the visit webhook's HMAC-SHA256 signature is made with.</summary>
    [Secret(SecretKind.KeyMaterial)]
    public string? VisitWebhookSecret { get; set; }

    public IReadOnlySet<string> TwoFactorRoleSet =>
        TwoFactorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
