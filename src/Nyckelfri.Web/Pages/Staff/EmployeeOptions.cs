using Nyckelfri.Providers;
using Nyckelfri.Staff;

namespace Nyckelfri.Web.Pages.Staff;

/// <summary>
/// The pick lists of the employee form: the providers the user may choose, and the units of the chosen
/// one (an employee belongs to units of their own provider only).
/// </summary>
public sealed record EmployeeOptions(IReadOnlyList<UnitLookup.ProviderOption> Providers, IReadOnlyList<UnitLookup.Option> Units)
{
    public const string Key = nameof(EmployeeOptions);

    public static async Task<EmployeeOptions> Load(UnitLookup lookup, Guid? providerId, CancellationToken ct) =>
        new(await lookup.Providers(ct), await UnitsOf(lookup, providerId, ct));

    /// <summary>For a new employee: the provider asked for, or the only one the user may choose, is chosen.</summary>
    public static async Task<EmployeeOptions> ForNew(UnitLookup lookup, EmployeeFields input, Guid? providerId, CancellationToken ct)
    {
        var providers = await lookup.Providers(ct);
        input.ProviderId = providers.Any(p => p.Id == providerId) ? providerId : providers.Count == 1 ? providers[0].Id : null;
        return new EmployeeOptions(providers, await UnitsOf(lookup, input.ProviderId, ct));
    }

    /// <summary>After the provider was changed on the form: its units, and only those of them still ticked.</summary>
    public static async Task<EmployeeOptions> ForChangedProvider(UnitLookup lookup, EmployeeFields input, CancellationToken ct)
    {
        var options = await Load(lookup, input.ProviderId, ct);
        input.UnitIds = input.UnitIds.Where(id => options.Units.Any(u => u.Id == id)).ToList();
        return options;
    }

    private static async Task<IReadOnlyList<UnitLookup.Option>> UnitsOf(UnitLookup lookup, Guid? providerId, CancellationToken ct) =>
        providerId is null ? [] : (await lookup.Units(ct)).Where(u => u.ProviderId == providerId).ToList();
}
