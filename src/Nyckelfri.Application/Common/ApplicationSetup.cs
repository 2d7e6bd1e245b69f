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
        return services;
    }
}
