using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Web.Api;
using Nyckelfri.Web.Hosting;
using Nyckelfri.Web.Security;
using Nyckelfri.Web.Security.ExternalLogin;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.ClearProviders().AddJsonConsole();

builder.Services
    .AddNyckelfriDatabase(builder.Configuration, builder.Environment.ContentRootPath)
    .AddNyckelfriApplication()
    .AddNyckelfriDemoWhenEnabled(builder.Configuration, args)
    .AddNyckelfriHosting()
    .AddNyckelfriKeyCustody(builder.Configuration, builder.Environment, args)
    .AddNyckelfriSecurity()
    .AddNyckelfriTransport(builder.Configuration, builder.Environment)
    .AddNyckelfriSecurityEvents()
    .AddNyckelfriRateLimiting(builder.Configuration)
    .AddNyckelfriPages();

var app = builder.Build();
if (await StartupTasks.RunCommandAsync(app, args)) return;
await StartupTasks.PrepareDatabaseAsync(app);

app.UseNyckelfriTransport();
app.UseNyckelfriStatusPages();
app.UseExceptionHandler("/Fel/500");
app.UseSecurityHeaders();
app.UseSwedishCulture();
app.UseStaticFiles();
app.UseRouting();
app.UseIdentityProviderCallbacks();
app.UseAuthentication();
app.UseSessionProtection();
app.UsePasswordChangeEnforcement();
app.UseTwoFactorEnrolment();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapOpenApi().RequireAuthorization(Policies.Authenticated);
app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "Nyckelfri API v1"));
app.MapNyckelfriApi();
app.MapRazorPages();
app.RefuseUndeclaredEndpoints();

app.Run();

/// <summary>The web host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
