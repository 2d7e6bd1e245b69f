using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// Identity's user-name rules, with uniqueness per municipality instead of across the installation: a
/// name taken in another municipality is free here, so an administrator creating a login learns nothing
/// about other municipalities' logins. '@' is not allowed in a name: it separates the name from the
/// municipality's code when a user signs in as <c>name@code</c> (<see cref="ProtectedTokenUserStore.FindByNameAsync"/>).
/// </summary>
public sealed class MunicipalityUserValidator(NyckelfriDbContext db) : IUserValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var userName = await manager.GetUserNameAsync(user);
        var allowed = manager.Options.User.AllowedUserNameCharacters;
        if (string.IsNullOrWhiteSpace(userName) || userName.Contains('@', StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(allowed) && userName.Any(c => !allowed.Contains(c, StringComparison.Ordinal))))
            return IdentityResult.Failed(manager.ErrorDescriber.InvalidUserName(userName));

        var normalized = manager.NormalizeName(userName);
        var taken = await db.Users
            .AnyAsync(u => u.MunicipalityId == user.MunicipalityId && u.NormalizedUserName == normalized && u.Id != user.Id);
        return taken ? IdentityResult.Failed(manager.ErrorDescriber.DuplicateUserName(userName)) : IdentityResult.Success;
    }
}
