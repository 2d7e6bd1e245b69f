using Nyckelfri.Clients;
using Nyckelfri.Data;
using Nyckelfri.Households;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Tenancy;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>The ids the scoping tests build their scopes from.</summary>
public sealed record ScopingIds(Guid Municipality, Guid OtherMunicipality, Guid ProviderA, Guid ProviderB, Guid UnitA, Guid UnitB);

/// <summary>
/// Two municipalities. In the first, providers A and B (one unit each) and clients named for who
/// serves them on <see cref="Today"/>; in the other, one provider and one client.
/// </summary>
public sealed class ScopingWorld : SharedTestDatabases<ScopingIds>
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public const string ServedByA = "Alva";
    public const string ServedByB = "Bertil";
    public const string AEndsToday = "Greta";
    public const string AEndedYesterday = "Edit";
    public const string MovedFromAToBToday = "Frans";
    public const string OtherMunicipalityClient = "Olle";

    public static readonly string[] MunicipalityClients = [ServedByA, ServedByB, AEndsToday, AEndedYesterday, MovedFromAToBToday];

    protected override async Task<ScopingIds> SeedAsync(NyckelfriDbContext context)
    {
        var municipality = new Municipality("Testby kommun", "testby", isDemo: true);
        var other = new Municipality("Annanstad kommun", "annanstad", isDemo: true);
        var providerA = new Provider(municipality.Id, "Omsorg A", ProviderKind.ExternalLov);
        var providerB = new Provider(municipality.Id, "Omsorg B", ProviderKind.Internal);
        var providerOther = new Provider(other.Id, "Annanstad hemtjänst", ProviderKind.Internal);
        var unitA = new Unit(providerA, "A Centrum", UnitKind.HomeCare);
        var unitB = new Unit(providerB, "B Norr", UnitKind.HomeCare);
        var unitOther = new Unit(providerOther, "Annanstad Söder", UnitKind.HomeCare);
        var address = new Address(municipality.Id, "Storgatan 1", "123 45", "Testby");
        var otherAddress = new Address(other.Id, "Lillgatan 2", "543 21", "Annanstad");
        context.AddRange(municipality, other, unitA, unitB, unitOther, address, otherAddress);

        var yesterday = Today.AddDays(-1);
        var longAgo = Today.AddYears(-1);
        AddClient(context, address, "1001", ServedByA, (unitA, longAgo, null));
        AddClient(context, address, "1002", ServedByB, (unitB, longAgo, null));
        AddClient(context, address, "1003", AEndsToday, (unitA, longAgo, Today));
        AddClient(context, address, "1004", AEndedYesterday, (unitA, longAgo, yesterday));
        AddClient(context, address, "1005", MovedFromAToBToday, (unitA, longAgo, yesterday), (unitB, Today, null));
        AddClient(context, otherAddress, "0001", OtherMunicipalityClient, (unitOther, longAgo, null));

        await context.SaveChangesAsync();
        return new ScopingIds(municipality.Id, other.Id, providerA.Id, providerB.Id, unitA.Id, unitB.Id);
    }

    private static void AddClient(NyckelfriDbContext context, Address address, string apartment, string firstName,
        params (Unit Unit, DateOnly Start, DateOnly? End)[] services)
    {
        var household = new Household(address, apartment);
        var client = new Client(address.MunicipalityId, firstName, "Testsson", FictitiousPersonalIdentityNumbers.Next());
        household.AddCohabitant(client);
        context.AddRange(household, client);
        foreach (var (unit, start, end) in services)
            context.Add(new CareService(client, CareServiceKind.HomeCare, assessed: true, unit, start, end));
    }
}
