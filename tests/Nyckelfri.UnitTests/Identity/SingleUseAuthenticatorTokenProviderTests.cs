using Nyckelfri.Identity;

namespace Nyckelfri.UnitTests.Identity;

/// <summary>The TOTP arithmetic of <see cref="SingleUseAuthenticatorTokenProvider"/> against RFC 6238's own test vectors.</summary>
public class SingleUseAuthenticatorTokenProviderTests
{
    // RFC 6238 appendix B: the SHA-1 key "12345678901234567890"; its codes are the last six digits of the eight shown there.
    private static readonly byte[] RfcKey = "12345678901234567890"u8.ToArray();

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_RfcTestVector_Matches(long unixSeconds, string expected) =>
        SingleUseAuthenticatorTokenProvider.Code(RfcKey, unixSeconds / 30).ShouldBe(expected);

    [Fact]
    public void MatchingStep_CodeOfNow_IsNowsStep()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);

        SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, "005924", now).ShouldBe(1234567890L / 30);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public void MatchingStep_OneStepOfDrift_Accepted(int seconds)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890).AddSeconds(seconds);

        SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, "005924", now).ShouldBe(1234567890L / 30);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(90)]
    public void MatchingStep_TwoStepsAway_Refused(int seconds) =>
        SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, "005924", DateTimeOffset.FromUnixTimeSeconds(1234567890).AddSeconds(seconds)).ShouldBeNull();

    [Fact]
    public void MatchingStep_WrongCode_Refused() =>
        SingleUseAuthenticatorTokenProvider.MatchingStep(RfcKey, "005925", DateTimeOffset.FromUnixTimeSeconds(1234567890)).ShouldBeNull();

    [Fact]
    public void Base32_AuthenticatorKeyWithSpacesAndLowerCase_DecodesLikeTheApp() =>
        Base32.Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(RfcKey);
}
