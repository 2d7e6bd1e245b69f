using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Nyckelfri.Data;
using Nyckelfri.Web.Errors;

namespace Nyckelfri.Web.Hosting;

public static class HostingSetup
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static IServiceCollection AddNyckelfriHosting(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // Development channel; an e-mail or SMS adapter replaces it in production (docs/routines.md).
        services.AddSingleton<Nyckelfri.Notifications.INotificationChannel, Nyckelfri.Notifications.LogNotificationChannel>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddHostedService<RoutineSweeper>();
        services.AddHostedService<VisitWebhookDispatcher>();
        // The visit webhook's posts: a short timeout, no redirects (a webhook goes where it was set to go), and
        // only to public addresses, checked on the very addresses it connects to (no DNS rebinding). Local
        // receivers (http://, loopback, private) only in Development.
        services.AddOptions<Nyckelfri.Visits.VisitWebhookOptions>()
            .Configure<IHostEnvironment>((o, env) => o.AllowLocal = env.IsDevelopment());
        services.AddHttpClient(Nyckelfri.Visits.VisitWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowLocal = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Nyckelfri.Visits.VisitWebhookOptions>>().Value.AllowLocal;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, UseCookies = false, UseProxy = false,
                    ConnectCallback = (context, ct) => Nyckelfri.Visits.WebhookAddresses.ConnectAsync(
                        context.DnsEndPoint.Host, context.DnsEndPoint.Port, allowLocal, ct),
                };
            });

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.AddHealthChecks().AddDbContextCheck<NyckelfriDbContext>("database");
        services.AddOpenApi();
        return services;
    }

    public static IApplicationBuilder UseSwedishCulture(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Swedish),
            SupportedCultures = [Swedish, CultureInfo.GetCultureInfo("en")],
            SupportedUICultures = [Swedish, CultureInfo.GetCultureInfo("en")],
        });
}
