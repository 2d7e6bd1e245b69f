using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Notifications;

namespace Nyckelfri.Routines;

/// <summary>
/// What every work-order action does the same way: load the order the caller may see with its answers
/// and comments, insist on the version the user saw and on the caller owning the step, tell the new
/// owner when the order changes hands, and save with a named line in the order's history.
/// </summary>
internal static class WorkOrderSteps
{
    /// <summary>Where a notification's link points: the order's page (the id is not personal data).</summary>
    public static string LinkTo(Guid id) => $"/Arenden/{id}";

    public static async Task<WorkOrder> WorkOrderForChange(this NyckelfriDbContext db, Guid id, CancellationToken ct) =>
        await db.WorkOrders.Include(w => w.Answers).Include(w => w.Comments)
            .FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Ärendet");

    /// <summary>Loads the order for an action of its current owner: version and optional comment checked, owner required.</summary>
    public static async Task<(WorkOrder Order, string? Comment)> ForOwnerAction(this NyckelfriDbContext db, Guid id, int? version, string? comment,
        CancellationToken ct)
    {
        var v = new Validator();
        v.RequireVersion(version);
        var checkedComment = v.Comment(comment);
        v.ThrowIfInvalid();
        var order = await db.WorkOrderForChange(id, ct);
        db.ExpectVersion(order, version!.Value);
        await db.RequireOwner(order, ct);
        return (order, checkedComment);
    }

    public static void RequireVersion(this Validator v, int? version)
    {
        if (version is null)
            v.Add("Version", "Uppgift om vilken version ändringen bygger på saknas. Ladda om sidan och gör ändringen igen.");
    }

    /// <summary>The owner resolver for the order, from the municipality's configuration.</summary>
    public static async Task<Func<StepDefinition, string?, StepOwner>> OwnersFor(this NyckelfriDbContext db, WorkOrder order, CancellationToken ct)
    {
        var owners = await RoutineOwners.Load(db, order.MunicipalityId, ct);
        return owners.For(order.UnitId, await RoutineOwners.NightSupervisionUnit(db, order.ClientId, ct));
    }

    /// <summary>The next running number in the municipality, counting orders added in this unit of work.</summary>
    public static async Task<int> NextWorkOrderNumber(this NyckelfriDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var stored = await db.WorkOrders.WithoutScopeFilter().Where(w => w.MunicipalityId == municipalityId)
            .MaxAsync(w => (int?)w.Number, ct) ?? 0;
        var added = db.WorkOrders.Local.Where(w => w.MunicipalityId == municipalityId).Select(w => w.Number).DefaultIfEmpty(0).Max();
        return Math.Max(stored, added) + 1;
    }

    /// <summary>
    /// Only the role that owns the current step (or the proposal) acts on it; for a provider role, only
    /// the owning unit's provider (and the user's own unit, when the user is tied to one).
    /// </summary>
    public static async Task RequireOwner(this NyckelfriDbContext db, WorkOrder order, CancellationToken ct)
    {
        if (await db.OwnerRefusal(order, ct) is { } refusal)
            throw new RuleViolationException("work-order-not-your-step", refusal);
    }

    /// <summary>Why the caller may not act on the order's current step; null when they may. The page and the handlers share it.</summary>
    public static async Task<string?> OwnerRefusal(this NyckelfriDbContext db, WorkOrder order, CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.IsSystem) return null;
        if (order.OwnerRole is not { } role || !scope.IsInRole(role))
            return order.OwnerRole is null
                ? $"Ärende {order.Reference} har inget steg som väntar."
                : $"Steget i ärende {order.Reference} ägs av rollen {Roles.SwedishName(order.OwnerRole)}.";
        if (!Roles.ProviderScoped.Contains(role) || order.OwnerUnitId is not { } unitId) return null;
        var ownUnit = scope.UnitId is null || scope.UnitId == unitId;
        var ownProvider = scope.ProviderId is null
                          || await db.Units.WithoutScopeFilter().AnyAsync(u => u.Id == unitId && u.ProviderId == scope.ProviderId, ct);
        return ownUnit && ownProvider ? null : $"Steget i ärende {order.Reference} ägs av en annan enhet.";
    }

    /// <summary>Puts a message for the order's current owner in the outbox (number, kind, step, due date, link: nothing personal).</summary>
    public static void Notify(this NyckelfriDbContext db, WorkOrder order, NotificationTemplate template)
    {
        if (order.OwnerRole is null) return;
        var step = order.CurrentStep?.SwedishTitle ?? (order.State == WorkOrderState.Proposed ? "Bekräfta eller avfärda förslaget" : "");
        var reference = new WorkOrderReference(order.Reference, RoutineNames.SwedishName(order.Kind), step, order.DueOn, LinkTo(order.Id));
        NotificationOutbox.Enqueue(db, template, reference, order.OwnerRole ?? "", order.OwnerUnitId);
    }

    /// <summary>Writes the named history line and saves; returns the new version.</summary>
    public static async Task<int> SaveWorkOrder(this NyckelfriDbContext db, WorkOrder order, string action, string? reason, CancellationToken ct)
    {
        db.Record(order, action, reason);
        await db.SaveChangesAsync(ct);
        return order.Version;
    }

    public static string? Comment(this Validator v, string? comment) =>
        v.Optional("Comment", comment, "Kommentar", WorkOrder.MaxCommentLength);
}

/// <summary>The Swedish history lines of the work-order transitions.</summary>
public static class WorkOrderHistory
{
    public const string Opened = "Ärende öppnat";
    public const string Proposed = "Ärende föreslaget";
    public const string Confirmed = "Förslag bekräftat";
    public const string Dismissed = "Förslag avfärdat";
    public const string Cancelled = "Ärende makulerat";
    public const string Taken = "Steget taget";
    public const string Booked = "Tid bokad";
    public const string Answered = "Kontrollpunkt besvarad";
    public const string StepCompleted = "Steg klart";
    public const string SentBack = "Skickat tillbaka";
    public const string Commented = "Kommentar";
    public const string ClosedElsewhere = "Avslutat";
    public const string OwnerChanged = "Ny ägare av steget";
    public const string DueChanged = "Förfallodag ändrad";
}
