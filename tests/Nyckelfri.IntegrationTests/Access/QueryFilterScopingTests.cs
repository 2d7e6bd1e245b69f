using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using static Nyckelfri.IntegrationTests.Access.ScopingWorld;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>
/// The DbContext's query filters decide what a caller may see, whichever page or endpoint asks
/// (STYLE.md §6). These tests hold them to it on both databases, below any page.
/// </summary>
public sealed class QueryFilterScopingTests(ScopingWorld world) : IClassFixture<ScopingWorld>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Clients_ProviderScope_SeesOnlyClientsItServesTodayOrLater(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);

        (await ClientNamesAsync(database, ProviderScope(ids.Municipality, ids.ProviderA)))
            .ShouldBe([ServedByA, AEndsToday], ignoreOrder: true);
        (await ClientNamesAsync(database, ProviderScope(ids.Municipality, ids.ProviderB)))
            .ShouldBe([ServedByB, MovedFromAToBToday], ignoreOrder: true);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Clients_ProviderScope_OnlyServiceEndedYesterday_ClientIsInvisible(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);
        var scopeA = ProviderScope(ids.Municipality, ids.ProviderA);

        (await ClientNamesAsync(database, scopeA)).ShouldNotContain(AEndedYesterday);
        (await ClientNamesAsync(database, scopeA)).ShouldNotContain(MovedFromAToBToday);
        (await ClientNamesAsync(database, MunicipalScope(ids.Municipality))).ShouldContain(AEndedYesterday);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Clients_ProviderScope_AnotherProvidersClientById_IsNotFound(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);
        Guid clientOfB;
        await using (var system = database.CreateContext(AccessScope.System()))
            clientOfB = await system.Clients.Where(c => c.FirstName == ServedByB).Select(c => c.Id).SingleAsync();

        await using var context = database.CreateContext(ProviderScope(ids.Municipality, ids.ProviderA));

        (await context.Clients.SingleOrDefaultAsync(c => c.Id == clientOfB)).ShouldBeNull();
        (await context.Clients.FindAsync(clientOfB)).ShouldBeNull();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CareServices_ProviderScope_SeesOnlyItsOwnServices(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);
        Dictionary<Guid, string> names;
        await using (var system = database.CreateContext(AccessScope.System()))
            names = await system.Clients.ToDictionaryAsync(c => c.Id, c => c.FirstName);
        await using var context = database.CreateContext(ProviderScope(ids.Municipality, ids.ProviderA));

        // Not through s.Client: that navigation applies the client filter too, and would hide what this one lets through.
        var services = await context.CareServices.Select(s => new { s.UnitId, s.ClientId }).ToListAsync();

        services.ShouldNotBeEmpty();
        services.ShouldAllBe(s => s.UnitId == ids.UnitA);
        services.Select(s => names[s.ClientId]).ShouldContain(ServedByA);
        services.Select(s => names[s.ClientId]).ShouldContain(AEndsToday);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Clients_MunicipalScope_SeesEveryClientOfItsMunicipalityOnly(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);

        (await ClientNamesAsync(database, MunicipalScope(ids.Municipality))).ShouldBe(MunicipalityClients, ignoreOrder: true);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Registry_OtherMunicipalityScope_SeesNothingOfTheFirst(DatabaseProvider provider)
    {
        var (database, ids) = await world.GetAsync(provider);
        await using var context = database.CreateContext(MunicipalScope(ids.OtherMunicipality));

        (await context.Clients.Select(c => c.FirstName).ToListAsync()).ShouldBe([OtherMunicipalityClient]);
        (await context.CareServices.AnyAsync(s => s.MunicipalityId == ids.Municipality)).ShouldBeFalse();
        (await context.Households.AnyAsync(h => h.MunicipalityId == ids.Municipality)).ShouldBeFalse();
        (await context.Providers.AnyAsync(p => p.MunicipalityId == ids.Municipality)).ShouldBeFalse();
        (await context.Units.AnyAsync(u => u.MunicipalityId == ids.Municipality)).ShouldBeFalse();
        (await context.Municipalities.Select(m => m.Id).ToListAsync()).ShouldBe([ids.OtherMunicipality]);
    }

    private static AccessScope MunicipalScope(Guid municipality) =>
        new() { MunicipalityId = municipality, Today = Today, UserName = "handläggare" };

    private static AccessScope ProviderScope(Guid municipality, Guid provider) =>
        new() { MunicipalityId = municipality, ProviderId = provider, Today = Today, UserName = "samordnare" };

    private static async Task<List<string>> ClientNamesAsync(TestDatabase database, AccessScope scope)
    {
        await using var context = database.CreateContext(scope);
        return await context.Clients.Select(c => c.FirstName).ToListAsync();
    }
}
