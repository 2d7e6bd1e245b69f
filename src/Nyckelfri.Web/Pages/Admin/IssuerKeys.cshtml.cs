using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>The municipality's issuer keys (docs/key-custody.md): the list, a rotation, retiring a previous key.</summary>
[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class IssuerKeysModel(ListIssuerKeys list, RotateIssuerKey rotate, RetireIssuerKey retire) : NyckelfriPageModel
{
    /// <summary>How long the new key is published before it signs; the configured minimum is proposed.</summary>
    [BindProperty] public double? OverlapHours { get; set; }

    public double MinimumOverlapHours => rotate.MinimumOverlapHours;
    public IReadOnlyList<IssuerKeyItem> Keys { get; private set; } = [];
    public long KeySetVersion { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OverlapHours = rotate.MinimumOverlapHours;
        await Load(ct);
    }

    public Task<IActionResult> OnPostRotateAsync(CancellationToken ct) => Run(async () =>
    {
        var result = await rotate.Handle(new RotateIssuerKey.Command { OverlapHours = OverlapHours }, ct);
        return $"Ny nyckel {result.KeyId} är publicerad i nyckeluppsättning {result.KeySetVersion} och signerar från {Shared.Display.DateTime(result.ActivatesAt)}.";
    }, ct);

    public Task<IActionResult> OnPostRetireAsync(string? keyId, CancellationToken ct) => Run(async () =>
    {
        var result = await retire.Handle(keyId, ct);
        return $"Nyckeln {result.KeyId} är tagen ur bruk (nyckeluppsättning {result.KeySetVersion}).";
    }, ct);

    public static string StatusText(IssuerKeyStatus status) => status switch
    {
        IssuerKeyStatus.Coming => "Kommande",
        IssuerKeyStatus.Signing => "Signerar",
        IssuerKeyStatus.Previous => "Tidigare (gäller för utfärdade behörigheter)",
        IssuerKeyStatus.Retired => "Ur bruk",
        _ => status.ToString(),
    };

    private async Task<IActionResult> Run(Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            StatusMessage = await action();
            return RedirectToPage();
        }
        catch (Exception e) when (e is RuleViolationException or NotFoundException or ValidationFailedException)
        {
            Error = e is ValidationFailedException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e.Message;
        }
        catch (IssuerKeyUnavailableException)
        {
            Error = IssuerKeyUnavailableException.Swedish;
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        try
        {
            var result = await list.Handle(ct);
            (Keys, KeySetVersion) = (result.Keys, result.KeySetVersion);
        }
        catch (IssuerKeyUnavailableException)
        {
            Error = IssuerKeyUnavailableException.Swedish;
        }
    }
}
