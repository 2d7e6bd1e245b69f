namespace Nyckelfri.LockProtocol;

/// <summary>
/// Why a lock refused a response or a revocation list. The numbers are part of the protocol: locks
/// log them in their events and the server stores them, so a value is never renumbered or reused.
/// </summary>
public enum RefusalReason
{
    /// <summary>Not refused: the door opened, or the list was applied.</summary>
    None = 0,

    /// <summary>The bytes do not parse as the expected message (wrong type, short, trailing bytes, bad field).</summary>
    Malformed = 1,

    /// <summary>A protocol version this lock does not speak.</summary>
    UnsupportedVersion = 2,

    /// <summary>The issuer key id is not among the lock's trusted issuer keys.</summary>
    UntrustedIssuer = 3,

    /// <summary>The issuer's signature does not match the credential or list: altered, or forged.</summary>
    IssuerSignatureInvalid = 4,

    /// <summary>The credential's window is longer than the protocol's maximum (12 h).</summary>
    ValidityTooLong = 5,

    /// <summary>The credential is for another lock.</summary>
    WrongLock = 6,

    /// <summary>The lock's time is before the window's start, beyond the allowed skew.</summary>
    NotYetValid = 7,

    /// <summary>The lock's time is after the window's end, beyond the allowed skew.</summary>
    Expired = 8,

    /// <summary>The nonce was never issued by this lock, or was already used (a replay), or was pushed out.</summary>
    ChallengeUnknown = 9,

    /// <summary>The answer came after the challenge's lifetime.</summary>
    ChallengeExpired = 10,

    /// <summary>The holder's signature does not match this nonce, this lock and this credential with the credential's device key.</summary>
    HolderSignatureInvalid = 11,

    /// <summary>The credential's id is on the lock's revocation list.</summary>
    CredentialRevoked = 12,

    /// <summary>The holder's device key is on the lock's revocation list (a lost or stolen phone).</summary>
    HolderKeyRevoked = 13,

    /// <summary>The employee is on the lock's revocation list.</summary>
    EmployeeRevoked = 14,

    /// <summary>The offered revocation list is not newer than the one the lock has.</summary>
    RevocationListNotNewer = 15,

    /// <summary>The lock's battery is too low to drive the bolt.</summary>
    BatteryDepleted = 16,

    /// <summary>The offered issuer key set is not newer than the one the lock has.</summary>
    IssuerKeySetNotNewer = 17,
}

/// <summary>What staff read on the phone and in the access log when a lock says no.</summary>
public static class RefusalReasonTexts
{
    public static string Swedish(RefusalReason reason) => reason switch
    {
        RefusalReason.None => "Godkänd.",
        RefusalReason.Malformed => "Låset kunde inte läsa meddelandet.",
        RefusalReason.UnsupportedVersion => "Låset stöder inte den här protokollversionen.",
        RefusalReason.UntrustedIssuer => "Nyckeln är utfärdad av någon som låset inte litar på.",
        RefusalReason.IssuerSignatureInvalid => "Nyckelns underskrift är ogiltig.",
        RefusalReason.ValidityTooLong => "Nyckeln gäller längre än ett arbetspass (högst 12 timmar).",
        RefusalReason.WrongLock => "Nyckeln gäller inte för det här låset.",
        RefusalReason.NotYetValid => "Nyckeln gäller inte ännu.",
        RefusalReason.Expired => "Nyckeln har gått ut.",
        RefusalReason.ChallengeUnknown => "Svaret hör inte till någon aktuell förfrågan från låset (redan använt eller okänt).",
        RefusalReason.ChallengeExpired => "Svaret kom för sent. Försök igen.",
        RefusalReason.HolderSignatureInvalid => "Telefonens underskrift är ogiltig.",
        RefusalReason.CredentialRevoked => "Nyckeln är spärrad.",
        RefusalReason.HolderKeyRevoked => "Telefonen är spärrad.",
        RefusalReason.EmployeeRevoked => "Medarbetarens behörighet är spärrad.",
        RefusalReason.RevocationListNotNewer => "Spärrlistan är inte nyare än den låset redan har.",
        RefusalReason.BatteryDepleted => "Låsets batteri är slut.",
        RefusalReason.IssuerKeySetNotNewer => "Nyckeluppsättningen är inte nyare än den låset redan har.",
        _ => "Okänt skäl.",
    };
}
