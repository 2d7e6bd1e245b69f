using Nyckelfri.Access;
using Nyckelfri.LockProtocol;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The municipality's issuer public keys (docs/key-custody.md): the JWK Set (RFC 7517) for lock vendors
/// and gateways (an API key) and administrators, the signed key set a gateway offers its locks, and
/// the rotation. Public keys are not secret, but the set is per municipality, so the caller's login or
/// API key says whose.
/// </summary>
public static class IssuerKeysApi
{
    /// <summary>RFC 7517 §8.5.</summary>
    public const string JwkSetContentType = "application/jwk-set+json";

    /// <summary>One P-256 signing key as a JWK (RFC 7517, RFC 7518 §6.2): coordinates in base64url without padding.</summary>
    public sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);

    public sealed record JwkSet(IReadOnlyList<Jwk> Keys);

    public sealed record KeySetResponse(long Version, DateTime IssuedAt, string Set);

    public static void MapIssuerKeysApi(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/issuer-keys").WithTags("Utfärdarnycklar");

        keys.MapGet("", async (ListIssuerKeys list, CancellationToken ct) =>
                TypedResults.Json(ToJwkSet(await list.PublishedAsync(ct)), contentType: JwkSetContentType))
            .RequireAuthorization(Policies.IssuerKeysRead);

        keys.MapGet("/key-set", async (IssuerKeys issuers, Nyckelfri.Data.NyckelfriDbContext db, CancellationToken ct) =>
            {
                var set = await issuers.KeySetAsync(db.Scope.MunicipalityId, ct);
                return new KeySetResponse(set.SetVersion, set.IssuedAt, Convert.ToBase64String(set.Encoded));
            })
            .RequireAuthorization(Policies.IssuerKeysRead);

        keys.MapGet("/status", (ListIssuerKeys list, CancellationToken ct) => list.Handle(ct))
            .RequireAuthorization(Policies.MunicipalityAdmin);

        keys.MapPost("/rotate", async (RotateIssuerKey.Command command, RotateIssuerKey rotate, CancellationToken ct) =>
            {
                var result = await rotate.Handle(command, ct);
                return TypedResults.Created($"/api/v1/issuer-keys#{result.KeyId}", result);
            })
            .RequireAuthorization(Policies.MunicipalityAdmin);

        keys.MapPost("/{keyId}/retire", (string keyId, RetireIssuerKey retire, CancellationToken ct) => retire.Handle(keyId, ct))
            .RequireAuthorization(Policies.MunicipalityAdmin);
    }

    public static JwkSet ToJwkSet(IEnumerable<IssuerKeyItem> keys) => new([.. keys.Select(ToJwk)]);

    /// <summary>The 65-byte point 0x04 ‖ X ‖ Y as a JWK.</summary>
    public static Jwk ToJwk(IssuerKeyItem key) => new("EC", "P-256",
        Base64Url(key.PublicKey.AsSpan(1, 32)), Base64Url(key.PublicKey.AsSpan(33, 32)), key.KeyId, "sig", "ES256");

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>The JWK Set as the command line prints it (the same JSON the API serves).</summary>
    public static string ToJson(JwkSet set) => System.Text.Json.JsonSerializer.Serialize(set,
        new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true });

    // Protocol constants the JWK spells out; checked here so a change of curve or size cannot pass unnoticed.
    static IssuerKeysApi()
    {
        if (Protocol.PublicKeyLength != 65) throw new InvalidOperationException("A JWK here is a P-256 point of 65 bytes.");
    }
}
