using Nyckelfri.Identity;
using Nyckelfri.Web.Security.ExternalLogin;

namespace Nyckelfri.UnitTests.Identity;

public sealed class IdentityProviderTests
{
    private static IdentityProvider Provider(bool enabled, bool passwordsOff, string? fallback = null) =>
        new(Guid.NewGuid()) { Enabled = enabled, LocalPasswordsDisabled = passwordsOff, PasswordFallbackUserId = fallback };

    [Fact]
    public void RefusesPasswordFor_PasswordsOffAndProviderOn_RefusesEveryoneButTheFallback()
    {
        var provider = Provider(enabled: true, passwordsOff: true, fallback: "admin-1");

        provider.RefusesPasswordFor("staff-1").ShouldBeTrue();
        provider.RefusesPasswordFor("admin-1").ShouldBeFalse();
    }

    [Fact]
    public void RefusesPasswordFor_ProviderOff_RefusesNoOne() =>
        Provider(enabled: false, passwordsOff: true).RefusesPasswordFor("staff-1").ShouldBeFalse();

    [Fact]
    public void RefusesPasswordFor_PasswordsOn_RefusesNoOne() =>
        Provider(enabled: true, passwordsOff: false).RefusesPasswordFor("staff-1").ShouldBeFalse();

    [Theory]
    [InlineData(ExternalSignIn.Refusal.UnknownIdentity)]
    [InlineData(ExternalSignIn.Refusal.MissingClaim)]
    [InlineData(ExternalSignIn.Refusal.NotAllowed)]
    [InlineData(ExternalSignIn.Refusal.WrongIssuer)]
    [InlineData(ExternalSignIn.Refusal.InvalidState)]
    [InlineData(ExternalSignIn.Refusal.ProviderError)]
    [InlineData(ExternalSignIn.Refusal.ProviderOff)]
    public void Message_EveryRefusal_HasASwedishMessage(string reason) =>
        ExternalSignIn.Message(reason).ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Message_UnknownCode_ShowsNothing() => ExternalSignIn.Message("<script>").ShouldBeNull();
}
