using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Identity;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Keeps every security event an app records, after handing it to the app's own <see cref="ISecurityEvents"/>.
/// Tests read only the events of their own municipality or user.
/// </summary>
public sealed class RecordedSecurityEvents
{
    private readonly ConcurrentQueue<SecurityEvent> _events = new();

    public IReadOnlyList<SecurityEvent> For(Guid municipalityId) => _events.Where(e => e.MunicipalityId == municipalityId).ToList();

    internal void Decorate(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(ISecurityEvents));
        services.Remove(inner);
        services.Add(new ServiceDescriptor(typeof(ISecurityEvents), sp => new Recording(Create(sp, inner), _events), inner.Lifetime));
    }

    private static ISecurityEvents Create(IServiceProvider services, ServiceDescriptor inner) =>
        inner.ImplementationInstance as ISecurityEvents
        ?? (ISecurityEvents?)inner.ImplementationFactory?.Invoke(services)
        ?? (ISecurityEvents)ActivatorUtilities.CreateInstance(services, inner.ImplementationType!);

    private sealed class Recording(ISecurityEvents inner, ConcurrentQueue<SecurityEvent> events) : ISecurityEvents
    {
        public async Task RecordAsync(SecurityEvent securityEvent, CancellationToken ct = default)
        {
            await inner.RecordAsync(securityEvent, ct);
            events.Enqueue(securityEvent);
        }
    }
}
