using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Providers;
using Nyckelfri.Services;

namespace Nyckelfri.UnitTests.Common;

public class ValidatorTryTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Fact]
    public void Try_ChangeSucceeds_RunsItAndAddsNothing()
    {
        var v = new Validator();
        var ran = false;

        v.Try(() => ran = true);

        ran.ShouldBeTrue();
        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Try_ChangeRefused_ItsFieldErrorsJoinTheEarlierOnes()
    {
        var v = new Validator();
        v.Add("Name", "Portens namn måste anges.");

        v.Try(() => throw ValidationFailedException.For("ConsentDate", "Ange datum för samtycket."));

        var error = Should.Throw<ValidationFailedException>(v.ThrowIfInvalid);
        error.Errors.Keys.ShouldBe(["Name", "ConsentDate"], ignoreOrder: true);
        error.Errors["ConsentDate"].ShouldBe(["Ange datum för samtycket."]);
    }

    [Fact]
    public void Try_RuleViolation_NotCaught() =>
        Should.Throw<RuleViolationException>(() => new Validator().Try(() => throw new RuleViolationException("x", "Inte tillåtet.")));

    [Fact]
    public void Try_EndBeforeStartOnCareService_ErrorOnEndDateAndPeriodUnchanged()
    {
        var service = NewService();
        var v = new Validator();

        v.Try(() => service.ChangePeriod(Start.AddDays(10), Start.AddDays(9)));

        v.IsValid.ShouldBeFalse();
        var error = Should.Throw<ValidationFailedException>(v.ThrowIfInvalid);
        error.Errors["EndDate"].ShouldBe(["Slutdatum kan inte ligga före startdatum."]);
        service.StartDate.ShouldBe(Start);
        service.EndDate.ShouldBeNull();
    }

    private static CareService NewService()
    {
        var municipalityId = Guid.CreateVersion7();
        var provider = new Provider(municipalityId, "Hemtjänst Norr", ProviderKind.Internal);
        var unit = new Unit(provider, "Grupp 1", UnitKind.HomeCare);
        var client = new Client(municipalityId, "Greta", "Svensson", PersonalIdentityNumber.Parse("19811218-9876", Start));
        return new CareService(client, CareServiceKind.HomeCare, assessed: true, unit, Start, end: null);
    }
}
