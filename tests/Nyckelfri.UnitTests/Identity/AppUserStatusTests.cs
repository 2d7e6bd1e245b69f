using Nyckelfri.Common;
using Nyckelfri.Identity;

namespace Nyckelfri.UnitTests.Identity;

public class AppUserStatusTests
{
    private static readonly DateTime Now = new(2026, 12, 8, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Disable_ActiveLogin_IsNoLongerActive()
    {
        var user = new AppUser();

        user.Disable(Now);

        user.DisabledAt.ShouldBe(Now);
        user.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Disable_AlreadyDisabled_Refused()
    {
        var user = new AppUser();
        user.Disable(Now);

        Should.Throw<RuleViolationException>(() => user.Disable(Now)).Code.ShouldBe("login-disabled");
    }

    [Fact]
    public void Enable_DisabledLogin_IsActiveAgain()
    {
        var user = new AppUser();
        user.Disable(Now);

        user.Enable();

        user.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Enable_ActiveLogin_Refused() =>
        Should.Throw<RuleViolationException>(() => new AppUser().Enable()).Code.ShouldBe("login-not-disabled");

    [Fact]
    public void Remove_ActiveLogin_RemovedAndDisabledForGood()
    {
        var user = new AppUser();

        user.Remove(Now);

        user.RemovedAt.ShouldBe(Now);
        user.DisabledAt.ShouldBe(Now);
        user.IsActive.ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => user.Enable()).Code.ShouldBe("login-removed");
        Should.Throw<RuleViolationException>(() => user.Disable(Now)).Code.ShouldBe("login-removed");
        Should.Throw<RuleViolationException>(() => user.Remove(Now)).Code.ShouldBe("login-removed");
    }

    [Fact]
    public void Remove_DisabledLogin_KeepsWhenItWasDisabled()
    {
        var user = new AppUser();
        user.Disable(Now.AddDays(-3));

        user.Remove(Now);

        user.DisabledAt.ShouldBe(Now.AddDays(-3));
        user.RemovedAt.ShouldBe(Now);
    }
}
