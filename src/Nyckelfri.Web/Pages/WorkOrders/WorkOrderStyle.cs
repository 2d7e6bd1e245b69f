using System.Globalization;
using Nyckelfri.Routines;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>How a work order's state and steps are shown. The Swedish text always goes with the colour.</summary>
public static class WorkOrderStyle
{
    public const string OverdueBadge = "badge text-bg-danger";
    public const string OverdueText = "Försenat";

    public static string Badge(WorkOrderState state) => state switch
    {
        WorkOrderState.Proposed => "badge text-bg-warning",
        WorkOrderState.Open => "badge text-bg-primary",
        WorkOrderState.Done => "badge text-bg-success",
        WorkOrderState.Stopped => "badge text-bg-secondary",
        _ => "badge text-bg-light border",
    };

    public static string Name(StepStatus status) => status switch
    {
        StepStatus.Done => "Klart",
        StepStatus.Current => "Pågår",
        StepStatus.Upcoming => "Kommande",
        StepStatus.Skipped => "Hoppas över",
        StepStatus.NotDone => "Ej utfört",
        _ => status.ToString(),
    };

    public static string Badge(StepStatus status) => status switch
    {
        StepStatus.Done => "badge text-bg-success",
        StepStatus.Current => "badge text-bg-primary",
        StepStatus.Skipped => "badge text-bg-secondary",
        _ => "badge text-bg-light border",
    };

    /// <summary>An instant the work-order handlers already give in Swedish local time.</summary>
    public static string Local(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The owning role, with the unit for a provider role: "Samordnare, Omsorgshuset Centrum (Omsorgshuset AB)".</summary>
    public static string Owner(string? roleName, string? unitName) =>
        roleName is null ? "–" : unitName is null ? roleName : $"{roleName}, {unitName}";
}
