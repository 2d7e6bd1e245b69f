using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Nyckelfri.Web.Hosting;

public static class PagesSetup
{
    public static IServiceCollection AddNyckelfriPages(this IServiceCollection services)
    {
        services.AddRazorPages().AddMvcOptions(o =>
        {
            SwedishBindingMessages(o.ModelBindingMessageProvider);
            o.Filters.Add(new NoHandlerNoPost());
        });
        services.AddAntiforgery(o => o.Cookie.Name = "nyckelfri-af");
        return services;
    }

    // Messages for values the browser sends that cannot even be read (a letter in a date, say).
    private static void SwedishBindingMessages(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Värdet '{value}' är ogiltigt.");
        m.SetMissingBindRequiredValueAccessor(field => "Ett värde saknas.");
        m.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret saknar innehåll.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet '{value}' är ogiltigt.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett tal.");
        m.SetUnknownValueIsInvalidAccessor(field => "Värdet är ogiltigt.");
        m.SetValueIsInvalidAccessor(value => $"Värdet '{value}' är ogiltigt.");
        m.SetValueMustBeANumberAccessor(field => "Värdet måste vara ett tal.");
        m.SetValueMustNotBeNullAccessor(value => "Ett värde måste anges.");
    }

    /// <summary>API errors get ProblemDetails bodies; pages get a Swedish status page.</summary>
    public static IApplicationBuilder UseNyckelfriStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/Fel/{0}"));
        return app;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/swagger"))
            headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        await next();
    });

    /// <summary>
    /// A POST (or any write) naming a handler the page does not have is 404. Without this, Razor Pages renders
    /// the page with no handler run, so a view that expects its GET's data failed with a 500 (seen when the
    /// door pages' old "Open" handler was removed and a stale form still posted to it).
    /// </summary>
    private sealed class NoHandlerNoPost : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var method = context.HttpContext.Request.Method;
            if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                context.Result = new NotFoundResult();
                return;
            }
            await next();
        }
    }
}
