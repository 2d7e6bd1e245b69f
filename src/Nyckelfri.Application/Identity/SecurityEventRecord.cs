namespace Nyckelfri.Identity;

/// <summary>
/// A stored security event (docs/security.md): what <see cref="ISecurityEvents"/> recorded, kept for the
/// system administrator of its municipality. An event with no municipality (a failed login with a user
/// name that exists nowhere, a rate-limited anonymous caller) is in the log and the table, but no
/// municipality's administrator sees it. Append-only: nothing updates or deletes a row.
/// </summary>
public sealed class SecurityEventRecord
{
    public const int UserIdLength = 450;
    public const int TextLength = 200;
    public const int AddressLength = 64;

    private SecurityEventRecord() { }

    public SecurityEventRecord(SecurityEvent e, Guid? municipalityId, DateTime occurredAt)
    {
        MunicipalityId = municipalityId;
        OccurredAt = occurredAt;
        Kind = e.Kind;
        UserId = Cut(e.UserId, UserIdLength);
        UserName = Cut(e.UserName, TextLength);
        Subject = Cut(e.Subject, TextLength);
        Detail = Cut(e.Detail, TextLength);
        RemoteAddress = Cut(e.RemoteAddress, AddressLength);
    }

    public long Id { get; private set; }
    public Guid? MunicipalityId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; private set; }
    public SecurityEventKind Kind { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? Subject { get; private set; }
    public string? Detail { get; private set; }
    public string? RemoteAddress { get; private set; }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    /// <summary>The kind in Swedish, for the administrator's page.</summary>
    public static string SwedishName(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.LoginSucceeded => "Inloggning lyckades",
        SecurityEventKind.LoginFailed => "Inloggning misslyckades",
        SecurityEventKind.LockedOut => "Kontot spärrat",
        SecurityEventKind.LoggedOut => "Utloggning",
        SecurityEventKind.TwoFactorEnabled => "Tvåstegsinloggning på",
        SecurityEventKind.TwoFactorDisabled => "Tvåstegsinloggning av",
        SecurityEventKind.RecoveryCodesGenerated => "Nya återställningskoder",
        SecurityEventKind.PasswordChanged => "Lösenord bytt",
        SecurityEventKind.PasswordReset => "Lösenord återställt",
        SecurityEventKind.RolesChanged => "Roller ändrade",
        SecurityEventKind.LoginCreated => "Inloggning skapad",
        SecurityEventKind.LoginDisabled => "Inloggning avstängd",
        SecurityEventKind.LoginEnabled => "Inloggning påslagen",
        SecurityEventKind.LoginRemoved => "Inloggning borttagen",
        SecurityEventKind.SessionsEnded => "Sessioner avslutade",
        SecurityEventKind.RevokedTokenUsed => "Återkallad token använd",
        SecurityEventKind.PersonalIdentityNumberRevealed => "Personnummer visat",
        SecurityEventKind.DoorCodeRevealed => "Portkod visad",
        SecurityEventKind.PersonalIdentityNumberSearched => "Sökning på personnummer",
        SecurityEventKind.RateLimited => "För många förfrågningar",
        SecurityEventKind.ExternalLoginSucceeded => "Inloggning via kommunens identitetstjänst",
        SecurityEventKind.ExternalLoginRefused => "Inloggning via kommunens identitetstjänst nekad",
        _ => kind.ToString(),
    };
}
