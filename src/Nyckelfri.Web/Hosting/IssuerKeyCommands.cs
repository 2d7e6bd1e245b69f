using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Web.Api;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// The operator's commands for a municipality's issuer keys (docs/key-custody.md):
/// <c>issuer-keys code</c> prints the JWK Set, <c>rotate-issuer-key code</c> starts a rotation,
/// <c>retire-issuer-key code key-id</c> retires a previous key. They run as the system for that
/// municipality, with the same handlers as the page and the API.
/// </summary>
public static class IssuerKeyCommands
{
    public const string List = "issuer-keys";
    public const string Rotate = "rotate-issuer-key";
    public const string Retire = "retire-issuer-key";

    public static Task<int> RunAsync(IServiceProvider root, string command, string[] args) =>
        RunAsync(root, command, args, Console.Out, Console.Error);

    /// <summary>Runs the command, writing what it prints to <paramref name="output"/> and its errors to <paramref name="error"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider root, string command, string[] args, TextWriter output, TextWriter error)
    {
        var fits = command switch { Retire => args.Length == 2, Rotate => args.Length is 1 or 2, _ => args.Length == 1 };
        if (!fits)
        {
            error.WriteLine(command switch
            {
                Retire => $"Användning: {Retire} kommunkod nyckel-id",
                Rotate => $"Användning: {Rotate} kommunkod [övergångstid i timmar]",
                _ => $"Användning: {command} kommunkod",
            });
            return 2;
        }
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var code = args[0].Trim().ToLowerInvariant();
        var municipalityId = await FindAsync(services, code);
        if (municipalityId is null)
        {
            error.WriteLine($"Det finns ingen kommun med koden '{code}'.");
            return 1;
        }
        services.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System(municipalityId.Value);
        try
        {
            switch (command)
            {
                case List:
                    output.WriteLine(IssuerKeysApi.ToJson(IssuerKeysApi.ToJwkSet(await services.GetRequiredService<ListIssuerKeys>().PublishedAsync(CancellationToken.None))));
                    break;
                case Rotate:
                    var rotate = services.GetRequiredService<RotateIssuerKey>();
                    double? hours = args.Length == 2 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var h) ? h
                        : args.Length == 2 ? double.NaN : rotate.MinimumOverlapHours;
                    var rotated = await rotate.Handle(municipalityId.Value, new RotateIssuerKey.Command { OverlapHours = hours }, CancellationToken.None);
                    output.WriteLine($"Ny utfärdarnyckel {rotated.KeyId}, publicerad i nyckeluppsättning {rotated.KeySetVersion}, " +
                                      $"signerar från {SwedishTime.ToLocal(rotated.ActivatesAt):yyyy-MM-dd HH:mm}.");
                    break;
                default:
                    var retired = await services.GetRequiredService<RetireIssuerKey>().Handle(municipalityId.Value, args[1].Trim(), CancellationToken.None);
                    output.WriteLine($"Utfärdarnyckeln {retired.KeyId} är tagen ur bruk (nyckeluppsättning {retired.KeySetVersion}).");
                    break;
            }
            return 0;
        }
        catch (ValidationFailedException e)
        {
            error.WriteLine(string.Join(Environment.NewLine, e.Errors.SelectMany(x => x.Value)));
            return 2;
        }
        catch (NyckelfriException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (IssuerKeyUnavailableException)
        {
            error.WriteLine(IssuerKeyUnavailableException.Swedish);
            return 1;
        }
    }

    private static async Task<Guid?> FindAsync(IServiceProvider services, string code)
    {
        // The context reads its scope afresh at every query: the system's first, the municipality's after.
        services.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = services.GetRequiredService<NyckelfriDbContext>();
        return await db.Municipalities.Where(m => m.Code == code).Select(m => (Guid?)m.Id).FirstOrDefaultAsync();
    }
}
