using Nyckelfri.Clients;
using Nyckelfri.Common;

namespace Nyckelfri.UnitTests.Clients;

public class ClientTests
{
    private static readonly DateOnly Today = TestClock.Today;

    [Fact]
    public void Constructor_ValidNumber_StoresNormalisedDigits()
    {
        var number = PersonalIdentityNumber.Parse("811218-9876", Today);

        var client = new Client(AMunicipality.Id(), "Karin", "Berg", number);

        client.PersonalIdentityNumber.ShouldBe("198112189876");
        client.MaskedPersonalIdentityNumber.ShouldBe("19811218-XXXX");
        client.FullName.ShouldBe("Karin Berg");
    }

    [Fact]
    public void ChangePersonalIdentityNumber_NewNumber_Replaces()
    {
        var client = new ClientBuilder().Build();

        client.ChangePersonalIdentityNumber(PersonalIdentityNumber.Parse("19121212-1212", Today));

        client.PersonalIdentityNumber.ShouldBe("191212121212");
    }

    [Fact]
    public void FlagTexts_NoFlags_Empty() =>
        new ClientBuilder().Build().FlagTexts().ShouldBeEmpty();

    [Fact]
    public void FlagTexts_AllFlags_FixedWordingInSeedOrder()
    {
        var client = new ClientBuilder().Build();
        client.AgreedNoInstall = true;
        client.HasCodeLock = true;
        client.OpensDoorThemself = true;

        client.FlagTexts().ShouldBe(
        [
            "Har kodlås på ytterdörr. Digitalt lås kan inte installeras.",
            "Öppnar dörren själv vid hemtjänstinsatser. Har inget digitalt lås.",
            "Överenskommet med biståndshandläggare att digitalt lås inte ska installeras.",
        ]);
    }

    [Fact]
    public void ValidateLockInformation_AnswerWithoutInformedDate_ErrorOnInformedOn()
    {
        var v = new Validator();

        Client.ValidateLockInformation(v, informedOn: null, LockDecision.Accepted, Today);

        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors["InformedOn"]
            .ShouldBe(["Ange när brukaren informerades innan du registrerar ett svar."]);
    }

    [Fact]
    public void ValidateLockInformation_InformedInFuture_ErrorOnInformedOn()
    {
        var v = new Validator();

        Client.ValidateLockInformation(v, Today.AddDays(1), LockDecision.NotAsked, Today);

        Should.Throw<ValidationFailedException>(v.ThrowIfInvalid).Errors["InformedOn"]
            .ShouldBe(["Datumet kan inte ligga i framtiden."]);
    }

    [Theory]
    [InlineData(LockDecision.NotAsked, false)]
    [InlineData(LockDecision.Accepted, true)]
    [InlineData(LockDecision.Declined, true)]
    public void ValidateLockInformation_ConsistentAnswer_Valid(LockDecision decision, bool informed)
    {
        var v = new Validator();

        Client.ValidateLockInformation(v, informed ? Today : null, decision, Today);

        v.IsValid.ShouldBeTrue();
    }
}
