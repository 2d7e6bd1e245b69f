using Nyckelfri.Common;
using Nyckelfri.Identity;

namespace Nyckelfri.UnitTests.Identity;

public class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    private static (ApiKey Key, string Secret) Create() =>
        ApiKey.Create(AMunicipality.Id(), "Verksamhetssystem import", "admin@linkoping.example", Now);

    [Fact]
    public void Create_NewKey_StoresHashOfReturnedSecret()
    {
        var (key, secret) = Create();

        key.KeyHash.ShouldBe(ApiKey.Hash(secret));
        key.KeyHash.ShouldNotContain(secret);
        key.Matches(secret).ShouldBeTrue();
    }

    [Fact]
    public void Create_NewKey_SecretIsPrefixedHex()
    {
        var (_, secret) = Create();

        secret.ShouldStartWith("nf_");
        secret.Length.ShouldBe(3 + 48);
        secret[3..].ShouldAllBe(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
    }

    [Fact]
    public void Create_NewKey_PrefixIsFirstTwelveCharacters()
    {
        var (key, secret) = Create();

        key.Prefix.Length.ShouldBe(ApiKey.PrefixLength);
        ApiKey.PrefixLength.ShouldBe(12);
        key.Prefix.ShouldBe(secret[..12]);
    }

    [Fact]
    public void Create_NewKey_RecordsWhoWhenAndActive()
    {
        var municipalityId = AMunicipality.Id();

        var (key, _) = ApiKey.Create(municipalityId, "Låsgateway", "admin@linkoping.example", Now);

        key.MunicipalityId.ShouldBe(municipalityId);
        key.Name.ShouldBe("Låsgateway");
        key.CreatedBy.ShouldBe("admin@linkoping.example");
        key.CreatedAt.ShouldBe(Now);
        key.Role.ShouldBe(Roles.Integration);
        key.IsActive.ShouldBeTrue();
        key.RevokedAt.ShouldBeNull();
    }

    [Fact]
    public void Create_TwoKeys_DifferentSecrets()
    {
        var (first, firstSecret) = Create();
        var (second, secondSecret) = Create();

        secondSecret.ShouldNotBe(firstSecret);
        second.KeyHash.ShouldNotBe(first.KeyHash);
    }

    [Fact]
    public void Matches_AnotherKeysSecret_False()
    {
        var (key, _) = Create();
        var (_, otherSecret) = Create();

        key.Matches(otherSecret).ShouldBeFalse();
    }

    [Fact]
    public void Matches_SecretWithOneCharacterChanged_False()
    {
        var (key, secret) = Create();
        var tampered = secret[..^1] + (secret[^1] == '0' ? '1' : '0');

        key.Matches(tampered).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("nf_")]
    public void Matches_EmptyOrPrefixOnly_False(string candidate) =>
        Create().Key.Matches(candidate).ShouldBeFalse();

    [Fact]
    public void Matches_PrefixOnlyOfOwnSecret_False()
    {
        var (key, secret) = Create();

        key.Matches(secret[..ApiKey.PrefixLength]).ShouldBeFalse();
    }

    [Fact]
    public void Hash_KnownInput_IsLowerCaseSha256Hex() =>
        ApiKey.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    [Fact]
    public void Revoke_ActiveKey_RevokedAtNow()
    {
        var (key, _) = Create();

        key.Revoke(Now.AddDays(1));

        key.RevokedAt.ShouldBe(Now.AddDays(1));
        key.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Revoke_Twice_ThrowsRuleViolationAndKeepsFirstTime()
    {
        var (key, _) = Create();
        key.Revoke(Now.AddDays(1));

        var error = Should.Throw<RuleViolationException>(() => key.Revoke(Now.AddDays(2)));

        error.Code.ShouldBe("api-key-revoked");
        error.Message.ShouldBe("Nyckeln är redan spärrad.");
        key.RevokedAt.ShouldBe(Now.AddDays(1));
    }
}
