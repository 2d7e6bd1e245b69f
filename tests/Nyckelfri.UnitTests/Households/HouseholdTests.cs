using Nyckelfri.Common;
using Nyckelfri.Households;

namespace Nyckelfri.UnitTests.Households;

public class HouseholdTests
{
    private static void AddNewClients(Household household, int count)
    {
        for (var i = 0; i < count; i++)
            household.AddCohabitant(new ClientBuilder().InMunicipality(household.MunicipalityId).Build());
    }

    [Fact]
    public void Constructor_Address_TakesItsMunicipality()
    {
        var address = new AddressBuilder().Build();

        var household = new Household(address, "1102");

        household.MunicipalityId.ShouldBe(address.MunicipalityId);
        household.AddressId.ShouldBe(address.Id);
        household.Clients.ShouldBeEmpty();
    }

    [Fact]
    public void AddCohabitant_ClientOfSameMunicipality_JoinsAndPointsToHousehold()
    {
        var household = new HouseholdBuilder().Build();
        var client = new ClientBuilder().InMunicipality(household.MunicipalityId).Build();

        household.AddCohabitant(client);

        household.Clients.ShouldBe([client]);
        client.HouseholdId.ShouldBe(household.Id);
        client.Household.ShouldBeSameAs(household);
    }

    [Fact]
    public void AddCohabitant_SecondClient_BothLiveThere()
    {
        var municipalityId = AMunicipality.Id();
        var first = new ClientBuilder().InMunicipality(municipalityId).Named("Gunnar", "Ek").Build();
        var second = new ClientBuilder().InMunicipality(municipalityId).Named("Britt", "Ek").Build();
        var household = new HouseholdBuilder().InMunicipality(municipalityId).WithCohabitants(first).Build();

        household.AddCohabitant(second);

        household.Clients.ShouldBe([first, second]);
        second.HouseholdId.ShouldBe(household.Id);
    }

    [Fact]
    public void AddCohabitant_SameClientTwice_ThrowsRuleViolation()
    {
        var municipalityId = AMunicipality.Id();
        var client = new ClientBuilder().InMunicipality(municipalityId).Build();
        var household = new HouseholdBuilder().InMunicipality(municipalityId).WithCohabitants(client).Build();

        var error = Should.Throw<RuleViolationException>(() => household.AddCohabitant(client));

        error.Code.ShouldBe("household-already-member");
        error.Message.ShouldBe("Brukaren bor redan i hushållet.");
        household.Clients.Count.ShouldBe(1);
    }

    [Fact]
    public void AddCohabitant_ClientOfAnotherMunicipality_ThrowsRuleViolation()
    {
        var household = new HouseholdBuilder().Build();
        var stranger = new ClientBuilder().InMunicipality(AMunicipality.Id()).Build();

        var error = Should.Throw<RuleViolationException>(() => household.AddCohabitant(stranger));

        error.Code.ShouldBe("household-other-municipality");
        error.Message.ShouldBe("Brukaren tillhör en annan kommun.");
        household.Clients.ShouldBeEmpty();
        stranger.HouseholdId.ShouldBe(Guid.Empty);
        stranger.Household.ShouldBeNull();
    }

    [Fact]
    public void AddCohabitant_UpToMaxCohabitants_Accepted()
    {
        var household = new HouseholdBuilder().Build();

        AddNewClients(household, Household.MaxCohabitants);

        household.Clients.Count.ShouldBe(Household.MaxCohabitants);
    }

    [Fact]
    public void AddCohabitant_MoreThanMaxCohabitants_ThrowsRuleViolation()
    {
        var household = new HouseholdBuilder().Build();
        AddNewClients(household, Household.MaxCohabitants);
        var oneTooMany = new ClientBuilder().InMunicipality(household.MunicipalityId).Build();

        var error = Should.Throw<RuleViolationException>(() => household.AddCohabitant(oneTooMany));

        error.Code.ShouldBe("household-full");
        error.Message.ShouldBe($"Ett hushåll kan ha högst {Household.MaxCohabitants} brukare. Kontrollera registreringen.");
        household.Clients.Count.ShouldBe(Household.MaxCohabitants);
        oneTooMany.Household.ShouldBeNull();
    }

    [Fact]
    public void SetEntrance_EntranceOfHouseholdsAddress_Set()
    {
        var address = new AddressBuilder().Build();
        var household = new HouseholdBuilder().At(address).Build();
        var entrance = new EntranceBuilder().At(address).Build();

        household.SetEntrance(entrance);

        household.EntranceId.ShouldBe(entrance.Id);
        household.Entrance.ShouldBeSameAs(entrance);
    }

    [Fact]
    public void SetEntrance_EntranceOfAnotherAddress_ThrowsValidationFailedOnEntranceId()
    {
        var address = new AddressBuilder().Build();
        var household = new HouseholdBuilder().At(address).Build();
        var neighbour = new AddressBuilder().InMunicipality(address.MunicipalityId).OnStreet("Storgatan 14").Build();
        var wrongEntrance = new EntranceBuilder().At(neighbour).Build();

        var error = Should.Throw<ValidationFailedException>(() => household.SetEntrance(wrongEntrance));

        error.Errors["EntranceId"].ShouldBe(["Porten hör inte till hushållets adress."]);
        household.EntranceId.ShouldBeNull();
        household.Entrance.ShouldBeNull();
    }

    [Fact]
    public void SetEntrance_WrongEntranceAfterRightOne_KeepsRightOne()
    {
        var address = new AddressBuilder().Build();
        var household = new HouseholdBuilder().At(address).Build();
        var entrance = new EntranceBuilder().At(address).Build();
        household.SetEntrance(entrance);

        Should.Throw<ValidationFailedException>(() => household.SetEntrance(new EntranceBuilder().Build()));

        household.EntranceId.ShouldBe(entrance.Id);
    }

    [Fact]
    public void SetEntrance_Null_ClearsEntrance()
    {
        var address = new AddressBuilder().Build();
        var household = new HouseholdBuilder().At(address).Build();
        household.SetEntrance(new EntranceBuilder().At(address).Build());

        household.SetEntrance(null);

        household.EntranceId.ShouldBeNull();
        household.Entrance.ShouldBeNull();
    }
}
