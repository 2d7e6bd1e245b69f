using Nyckelfri.Properties;

namespace Nyckelfri.Web.Pages.Shared;

/// <summary>How the owner's consent to an entrance lock is marked. The Swedish text always goes with the colour.</summary>
public static class ConsentStyle
{
    public static string Badge(ConsentStatus status) => status switch
    {
        ConsentStatus.Given => "badge text-bg-success",
        ConsentStatus.Refused => "badge text-bg-danger",
        ConsentStatus.Asked => "badge text-bg-warning",
        _ => "badge text-bg-light border",
    };
}
