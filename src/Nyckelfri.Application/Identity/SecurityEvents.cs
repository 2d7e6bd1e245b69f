using Microsoft.Extensions.Logging;

namespace Nyckelfri.Identity;

/// <summary>What happened, for the security log (docs/security.md). Never carries a personnummer, door code, password or token.</summary>
public enum SecurityEventKind
{
    LoginSucceeded,
    LoginFailed,
    LockedOut,
    LoggedOut,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesGenerated,
    PasswordChanged,
    PasswordReset,
    RolesChanged,
    LoginCreated,
    LoginDisabled,
    LoginEnabled,
    LoginRemoved,
    SessionsEnded,
    RevokedTokenUsed,
    PersonalIdentityNumberRevealed,
    DoorCodeRevealed,
    PersonalIdentityNumberSearched,
    RateLimited,
    ExternalLoginSucceeded,
    ExternalLoginRefused,
}

/// <summary>
/// One security event. <paramref name="UserId"/>/<paramref name="UserName"/> name who acted (or tried);
/// <paramref name="Subject"/> what it concerned (a user id, a client id; never personal data in the clear);
/// <paramref name="Detail"/> a short English reason code ("wrong-password", "stamp-changed").
/// </summary>
public sealed record SecurityEvent(
    SecurityEventKind Kind,
    string? UserId = null,
    string? UserName = null,
    Guid? MunicipalityId = null,
    string? Subject = null,
    string? Detail = null,
    string? RemoteAddress = null);

/// <summary>Records security events: logins, failures, lockouts, 2FA and role changes, revoked tokens, reveals, searches.</summary>
public interface ISecurityEvents
{
    Task RecordAsync(SecurityEvent securityEvent, CancellationToken ct = default);
}

/// <summary>Writes each security event to the application log as a structured event (event id 9000 + kind).</summary>
public sealed partial class LoggingSecurityEvents(ILogger<LoggingSecurityEvents> logger) : ISecurityEvents
{
    public Task RecordAsync(SecurityEvent e, CancellationToken ct = default)
    {
        Logged(logger, e.Kind, e.UserId, e.UserName, e.MunicipalityId, e.Subject, e.Detail, e.RemoteAddress);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Warning,
        Message = "Security event {Kind}: user {UserId} ({UserName}), municipality {MunicipalityId}, subject {Subject}, detail {Detail}, from {RemoteAddress}")]
    private static partial void Logged(ILogger logger, SecurityEventKind kind, string? userId, string? userName, Guid? municipalityId,
        string? subject, string? detail, string? remoteAddress);
}
