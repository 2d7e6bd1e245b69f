using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// The caller's municipality's OpenID Connect identity provider (docs/identity-provider.md). The client
/// secret is written only: it is stored encrypted under the Data Protection key ring and never shown again.
/// </summary>
public sealed class IdentityProviderSettings(NyckelfriDbContext db, IDataProtectionProvider protection) : IHandler
{
    /// <summary>The Data Protection purpose of the client secret.</summary>
    public const string SecretPurpose = "Nyckelfri.Identity.IdentityProvider.ClientSecret.v1";

    public sealed class Command
    {
        /// <summary>The version read (0 when none is set up yet).</summary>
        public int Version { get; set; }
        public string? DisplayName { get; set; }
        public string? Authority { get; set; }
        public string? ClientId { get; set; }

        /// <summary>A new client secret; empty keeps the stored one.</summary>
        public string? ClientSecret { get; set; }
        public string? Scopes { get; set; }
        public string? IdentifierClaim { get; set; }
        public ExternalIdentityMatch? MatchBy { get; set; }
        public bool UseUserInfo { get; set; }
        public bool Enabled { get; set; }
        public bool LocalPasswordsDisabled { get; set; }
        public string? PasswordFallbackUserId { get; set; }
    }

    public sealed record View(int Version, bool Configured, string? DisplayName, string? Authority, string? ClientId, bool HasClientSecret,
        string? Scopes, string? IdentifierClaim, ExternalIdentityMatch MatchBy, bool UseUserInfo, bool Enabled, bool LocalPasswordsDisabled,
        string? PasswordFallbackUserId, IReadOnlyList<AdministratorItem> Administrators);

    /// <summary>A system administrator login of the municipality: a candidate for the password fallback.</summary>
    public sealed record AdministratorItem(string UserId, string UserName, string DisplayName);

    public async Task<View> Get(CancellationToken ct)
    {
        var p = await Own(ct);
        var admins = await Administrators(ct);
        return p is null
            ? new View(0, false, null, null, null, false, "profile", null, ExternalIdentityMatch.PersonnelId, false, false, false, null, admins)
            : new View(p.Version, true, p.DisplayName, p.Authority, p.ClientId, p.ProtectedClientSecret is not null, p.Scopes,
                p.IdentifierClaim, p.MatchBy, p.UseUserInfo, p.Enabled, p.LocalPasswordsDisabled, p.PasswordFallbackUserId, admins);
    }

    public async Task<View> Handle(Command command, CancellationToken ct)
    {
        var p = await Own(ct);
        var admins = await Administrators(ct);
        var v = new Validator();
        var name = v.Required(nameof(Command.DisplayName), command.DisplayName, "Namn på inloggningen", 100);
        var authority = Authority(v, command.Authority);
        var clientId = v.Required(nameof(Command.ClientId), command.ClientId, "Klient-id", 200);
        var secret = string.IsNullOrWhiteSpace(command.ClientSecret) ? null : command.ClientSecret.Trim();
        if (secret is { Length: > 500 }) v.Add(nameof(Command.ClientSecret), "Klienthemligheten får vara högst 500 tecken.");
        if (secret is null && p?.ProtectedClientSecret is null) v.Add(nameof(Command.ClientSecret), "Klienthemlighet måste anges.");
        var scopes = Scopes(v, command.Scopes);
        var claim = v.Required(nameof(Command.IdentifierClaim), command.IdentifierClaim, "Anspråk som identifierar personen", 100);
        if (claim is not null && !IsToken(claim)) v.Add(nameof(Command.IdentifierClaim), "Anspråkets namn får bara innehålla bokstäver, siffror och _ - . :");
        var match = v.Enum(nameof(Command.MatchBy), command.MatchBy, "Matchas mot");
        var fallback = string.IsNullOrWhiteSpace(command.PasswordFallbackUserId) ? null : command.PasswordFallbackUserId.Trim();
        if (command.LocalPasswordsDisabled && !command.Enabled)
            v.Add(nameof(Command.LocalPasswordsDisabled), "Lösenordsinloggning kan bara stängas av när inloggningen via identitetsleverantören är på.");
        if (fallback is not null && admins.All(a => a.UserId != fallback))
            v.Add(nameof(Command.PasswordFallbackUserId), "Reservinloggningen måste vara en systemförvaltare i kommunen.");
        v.ThrowIfInvalid();

        if (p is null)
        {
            if (command.Version != 0) throw new ConcurrencyConflictException();
            p = new IdentityProvider(db.Scope.MunicipalityId);
            db.IdentityProviders.Add(p);
        }
        else db.ExpectVersion(p, command.Version);
        p.DisplayName = name!;
        p.Authority = authority!;
        p.ClientId = clientId!;
        if (secret is not null) p.ProtectedClientSecret = protection.CreateProtector(SecretPurpose).Protect(secret);
        p.Scopes = scopes;
        p.IdentifierClaim = claim!;
        p.MatchBy = match!.Value;
        p.UseUserInfo = command.UseUserInfo;
        p.Enabled = command.Enabled;
        p.LocalPasswordsDisabled = command.LocalPasswordsDisabled;
        p.PasswordFallbackUserId = fallback;
        await db.SaveChangesAsync(ct);
        return await Get(ct);
    }

    /// <summary>
    /// An absolute https URL without query or fragment; http only to this machine (a provider run by the
    /// tests or a developer). The discovery document and every token must come from exactly here.
    /// </summary>
    private static string? Authority(Validator v, string? value)
    {
        var text = v.Required(nameof(Command.Authority), value, "Utfärdare (authority)", 500);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            v.Add(nameof(Command.Authority), "Ange utfärdarens fullständiga adress, som börjar med https:// (http:// bara till den egna datorn).");
            return null;
        }
        return text;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    private static string Scopes(Validator v, string? value)
    {
        var scopes = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s != "openid").Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Any(s => !IsToken(s) || s.Length > 100)) v.Add(nameof(Command.Scopes), "Omfång (scopes) skrivs åtskilda av mellanslag, med bokstäver, siffror och _ - . :");
        var joined = string.Join(' ', scopes);
        if (joined.Length > 500) v.Add(nameof(Command.Scopes), "Omfången får vara högst 500 tecken tillsammans.");
        return joined;
    }

    private static bool IsToken(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/');

    private async Task<IdentityProvider?> Own(CancellationToken ct) =>
        await db.IdentityProviders.FirstOrDefaultAsync(p => p.MunicipalityId == db.Scope.MunicipalityId, ct);

    private async Task<IReadOnlyList<AdministratorItem>> Administrators(CancellationToken ct)
    {
        var municipality = db.Scope.MunicipalityId;
        var roleId = await db.Roles.Where(r => r.Name == Roles.SystemAdministrator).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.Users.Where(u => u.MunicipalityId == municipality && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.UserName)
            .Select(u => new AdministratorItem(u.Id, u.UserName!, u.DisplayName))
            .ToListAsync(ct);
    }
}
