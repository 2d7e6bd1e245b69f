using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Nyckelfri.Identity;

/// <summary>
/// Refuses the passwords that attackers try first: the 10,000 most common passwords of leaked-password
/// corpora, bundled with the application (<c>common-passwords.txt</c>; no lookup leaves the server),
/// compared without regard to case. Runs wherever Identity validates a password: an administrator's,
/// the create-municipality command's and the user's own.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    /// <summary>Identity's error code for a common password; <see cref="IdentityMessages"/> says it in Swedish.</summary>
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>How many passwords the bundled list holds.</summary>
    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "The password is one of the most common passwords." })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Nyckelfri.Identity.common-passwords.txt")
                           ?? throw new InvalidOperationException("The bundled list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
