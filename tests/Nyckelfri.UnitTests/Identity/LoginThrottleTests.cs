using System.Net;
using Microsoft.AspNetCore.Http;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.UnitTests.Identity;

public sealed class LoginThrottleTests
{
    private static LoginThrottle Throttle(int failures) =>
        new(new RateLimitSettings { LoginFailures = new RateLimit { PermitLimit = failures, WindowSeconds = 900 } });

    private static HttpContext From(string address) =>
        new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

    [Fact]
    public void IsBlocked_AfterTheFailuresOfOneAddress_BlocksThatAddressOnly()
    {
        using var throttle = Throttle(2);
        var attacker = From("203.0.113.7");
        throttle.RecordFailure("anna.a", attacker);
        throttle.IsBlocked("anna.a", attacker).ShouldBeFalse();
        throttle.RecordFailure("ANNA.A ", attacker);

        throttle.IsBlocked("anna.a", attacker).ShouldBeTrue("the user name is compared trimmed and case-insensitively");
        throttle.IsBlocked("anna.a", From("198.51.100.20")).ShouldBeFalse("the real user at another address is not locked out");
        throttle.IsBlocked("bertil.b", attacker).ShouldBeFalse("another user name from the same address is not held back");
    }

    [Fact]
    public void IsBlocked_WithoutFailures_IsNeverTrue_HoweverOftenAskedFor()
    {
        using var throttle = Throttle(1);
        var office = From("192.0.2.1");
        for (var i = 0; i < 100; i++) throttle.IsBlocked("anna.a", office).ShouldBeFalse();
    }

    [Fact]
    public void SwedishName_EveryKind_HasASwedishName()
    {
        foreach (var kind in Enum.GetValues<SecurityEventKind>())
            SecurityEventRecord.SwedishName(kind).ShouldNotBe(kind.ToString());
    }
}
