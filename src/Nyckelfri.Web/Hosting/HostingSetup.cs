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
        // The visit webhook's posts: a short timeout, and no redirects (a webhook goes where it was set to go).
        services.AddHttpClient(Nyckelfri.Visits.VisitWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

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
