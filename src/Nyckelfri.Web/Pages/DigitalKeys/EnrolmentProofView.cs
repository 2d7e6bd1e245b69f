using Nyckelfri.Access;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>The proof-of-possession part of a registration form: the form's field prefix and the challenge to sign (null: the caller may not register).</summary>
public sealed record EnrolmentProofView(string Prefix, RequestEnrolmentChallenge.Result? Challenge)
{
    /// <summary>A fresh challenge for the registration, or null when the caller is not the alarm centre.</summary>
    public static async Task<RequestEnrolmentChallenge.Result?> TryIssue(RequestEnrolmentChallenge request, DigitalKeyKind kind, Guid? digitalKeyId,
        CancellationToken ct)
    {
        try { return await request.ForRegistration(new RequestEnrolmentChallenge.Command { Kind = kind, DigitalKeyId = digitalKeyId }, ct); }
        catch (Nyckelfri.Common.RuleViolationException) { return null; }
    }
}
