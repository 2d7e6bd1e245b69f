using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nyckelfri.Web.Pages;

/// <summary>The Swedish status page shown for 404, 403, 500 and the like.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Sidan finns inte", "Det du letar efter finns inte, eller så har du inte behörighet att se det."),
            403 => ("Åtkomst nekad", "Din roll har inte behörighet till den här sidan."),
            400 => ("Felaktig begäran", "Begäran kunde inte tolkas. Gå tillbaka och försök igen."),
            429 => ("För många försök", "Du har gjort för många försök på kort tid. Vänta en stund och försök igen."),
            _ when code >= 500 => ("Något gick fel", "Ett oväntat fel inträffade. Felet är loggat. Försök igen om en stund."),
            _ => ("Något gick fel", $"Begäran kunde inte utföras (kod {code})."),
        };
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK && code is >= 400 and < 600)
            HttpContext.Response.StatusCode = code;
    }
}
