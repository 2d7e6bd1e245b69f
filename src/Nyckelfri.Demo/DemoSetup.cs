using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Access;
using Nyckelfri.Identity;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Demo;

public static class DemoSetup
{
    /// <summary>
    /// Wires the demo in: the demo generator (behind <see cref="IDemoSeed"/>), the demo logins for the
    /// login page (<see cref="IDemoLoginList"/>) and the emulated lock platform that "Öppna" opens
    /// (<see cref="ILockPlatformConnector"/>). The host calls it only when the demo is on.
    /// </summary>
    /// <param name="lockSecretFile">The demo secret the emulated locks' keys are derived from (<see cref="DemoLockKeys"/>).</param>
    public static IServiceCollection AddNyckelfriDemo(this IServiceCollection services, string lockSecretFile)
    {
        services.AddSingleton(new DemoLockKeys(lockSecretFile));
        services.AddScoped<DemoGenerator>();
        services.AddScoped<IDemoSeed, DemoSeed>();
        services.AddScoped<IDemoLoginList, DemoLoginList>();
        services.AddSingleton<EmulatedLocks>();
        services.AddSingleton<ILockPlatformConnector>(sp => sp.GetRequiredService<EmulatedLocks>());
        return services;
    }
}
