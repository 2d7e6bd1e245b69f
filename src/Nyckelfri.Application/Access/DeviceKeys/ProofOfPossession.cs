using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// Checks a device's proof that it holds the private half of the public key it enrols
/// (<see cref="Enrolment"/>): the challenge must be this login's, unused and unexpired, and is used up by
/// this attempt whatever the outcome; the signature must cover that challenge, the challenge's digital key
/// and the public key. Every refusal has a stable code (docs/digital-keys.md, "Device keys").
/// </summary>
public sealed class ProofOfPossession(NyckelfriDbContext db) : IHandler
{
    public const string ChallengeUnknown = "enrolment-challenge-unknown";
    public const string ChallengeUsed = "enrolment-challenge-used";
    public const string ChallengeExpired = "enrolment-challenge-expired";
    public const string ProofInvalid = "enrolment-proof-invalid";
    public const string ProofMalformed = "enrolment-proof-malformed";
    public const string KeyMalformed = "device-key-malformed";

    /// <summary>A proved device key and the digital key its challenge was for.</summary>
    public sealed record Proved(byte[] PublicKey, Guid DigitalKeyId);

    /// <param name="fields">The names of the challenge, key and proof fields in the caller's command, for validation messages.</param>
    public async Task<Proved> CheckAsync(Guid? challengeId, string? publicKey, string? proof, (string Challenge, string Key, string Proof) fields, CancellationToken ct)
    {
        var v = new Validator();
        if (challengeId is null || challengeId == Guid.Empty) v.Add(fields.Challenge, "Hämta en utmaning och signera den med enhetens nyckel.");
        if (string.IsNullOrWhiteSpace(publicKey)) v.Add(fields.Key, "Enhetens publika nyckel måste anges.");
        if (string.IsNullOrWhiteSpace(proof)) v.Add(fields.Proof, "Beviset (enhetens signatur över utmaningen) måste anges.");
        v.ThrowIfInvalid();

        var key = Base64(publicKey!);
        if (key is null || !P256.TryImportPublicKey(key, out var imported))
            throw new RuleViolationException(KeyMalformed, "Enhetens publika nyckel ska vara en P-256-nyckel: 65 byte (0x04, X, Y) i base64.");
        imported.Dispose();
        var signature = Base64(proof!);
        if (signature is not { Length: Protocol.SignatureLength })
            throw new RuleViolationException(ProofMalformed, "Beviset ska vara en signatur på 64 byte (r och s) i base64.");

        var now = db.Clock.UtcNow();
        var challenge = await db.DeviceKeyChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId, ct)
                        ?? throw new RuleViolationException(ChallengeUnknown, "Utmaningen finns inte eller gäller en annan inloggning. Hämta en ny.");
        if (challenge.UsedAt is not null)
            throw new RuleViolationException(ChallengeUsed, "Utmaningen är redan använd. Hämta en ny.");
        if (challenge.ExpiresAt < now)
            throw new RuleViolationException(ChallengeExpired, "Utmaningen har gått ut. Hämta en ny.");
        // Used up before the signature is looked at: a guess costs the guesser a fresh challenge.
        var taken = await db.DeviceKeyChallenges.Where(c => c.Id == challenge.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (taken == 0)
            throw new RuleViolationException(ChallengeUsed, "Utmaningen är redan använd. Hämta en ny.");
        if (!Enrolment.Verify(key, challenge.Challenge, challenge.DigitalKeyId, signature))
            throw new RuleViolationException(ProofInvalid,
                "Beviset stämmer inte: signaturen är inte gjord med den här nyckeln över den här utmaningen och den här digitala nyckeln.");
        return new Proved(key, challenge.DigitalKeyId);
    }

    private static byte[]? Base64(string text)
    {
        try { return Convert.FromBase64String(text.Trim()); }
        catch (FormatException) { return null; }
    }
}
