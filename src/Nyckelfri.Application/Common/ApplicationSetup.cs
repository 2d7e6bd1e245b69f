using Microsoft.Extensions.DependencyInjection;

namespace Nyckelfri.Common;

/// <summary>Marks a class that carries out one action (or answers one question) of the product.</summary>
public interface IHandler;

public static class ApplicationSetup
{
    /// <summary>Registers every handler of the application as scoped: one per request, on that request's DbContext.</summary>
    public static IServiceCollection AddNyckelfriApplication(this IServiceCollection services)
    {
        var handlers = typeof(ApplicationSetup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHandler).IsAssignableFrom(t));
        foreach (var handler in handlers) services.AddScoped(handler);
        services.AddSingleton<Nyckelfri.Access.IssuerCache>();
        services.AddSingleton<Nyckelfri.Visits.VisitWebhookSecrets>();
        services.AddOptions<Nyckelfri.Visits.VisitWebhookOptions>();
        services.AddSingleton<Nyckelfri.Identity.ISecurityEvents, Nyckelfri.Identity.LoggingSecurityEvents>();
        services.AddSingleton(sp => LockEventLimitsFrom(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        return services;
    }

    /// <summary><c>LockEvents:MaxSequenceJump</c> and <c>LockEvents:MaxFutureSeconds</c>, else the defaults.</summary>
    private static Nyckelfri.Access.LockEventLimits LockEventLimitsFrom(Microsoft.Extensions.Configuration.IConfiguration? configuration)
    {
        var defaults = Nyckelfri.Access.LockEventLimits.Default;
        if (configuration is null) return defaults;
        var jump = long.TryParse(configuration["LockEvents:MaxSequenceJump"], out var j) && j > 0 ? j : defaults.MaxSequenceJump;
        var future = int.TryParse(configuration["LockEvents:MaxFutureSeconds"], out var f) && f >= 0 ? TimeSpan.FromSeconds(f) : defaults.MaxFuture;
        return new Nyckelfri.Access.LockEventLimits(jump, future);
    }
}
