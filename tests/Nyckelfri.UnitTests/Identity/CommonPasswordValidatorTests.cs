using Microsoft.AspNetCore.Identity;
using Nyckelfri.Identity;

namespace Nyckelfri.UnitTests.Identity;

public class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordValidator Validator = new();

    // The validator never looks at the manager; Identity hands one over, the test need not build it.
    private static Task<IdentityResult> Validate(string? password) => Validator.ValidateAsync(null!, new AppUser(), password);

    [Fact]
    public void BundledList_HoldsTheTenThousandMostCommon() => CommonPasswordValidator.Count.ShouldBe(10_000);

    [Theory]
    [InlineData("123456")]
    [InlineData("password")]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    public async Task ValidateAsync_CommonPassword_FailsWithItsCode(string password)
    {
        var result = await Validate(password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe(CommonPasswordValidator.ErrorCode);
    }

    [Theory]
    [InlineData("QWERTY123456")]
    [InlineData("Qwerty123456")]
    [InlineData(" qwerty123456 ")]
    public async Task ValidateAsync_CommonPasswordInOtherCaseOrPadded_StillFails(string password) =>
        (await Validate(password)).Succeeded.ShouldBeFalse();

    [Theory]
    [InlineData("Hemlig-kaffekopp-42")]
    [InlineData("tre gröna äpplen på bordet")]
    [InlineData("qwerty1234567x")]
    public async Task ValidateAsync_UncommonPassword_Succeeds(string password) =>
        (await Validate(password)).Succeeded.ShouldBeTrue();

    [Fact]
    public async Task ValidateAsync_NoPassword_LeavesItToTheOtherRules() =>
        (await Validate(null)).Succeeded.ShouldBeTrue();

    [Fact]
    public void Swedish_CommonPasswordError_SaysWhyInSwedish() =>
        IdentityMessages.Swedish(new IdentityError { Code = CommonPasswordValidator.ErrorCode })
            .ShouldBe("Lösenordet är ett av de vanligaste lösenorden och gissas lätt. Välj ett annat.");
}
