using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Common;
using Nyckelfri.Routines;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>The forms of the work-order page; the one posted and refused shows its errors.</summary>
public enum WorkOrderForm { Take, Book, Answer, Complete, SendBack, Reroute, Confirm, Dismiss, Cancel, Comment }

/// <summary>
/// One work order: what it concerns, its steps, the current step's instructions, and, for the role that
/// owns the step now, a form per action (each based on the version shown, so a stale page is refused
/// with the usual message). Everything works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.WorkOrdersRead)]
public sealed class DetailsModel(GetWorkOrder get) : NyckelfriPageModel
{
    /// <summary>One answer on the checkpoint form; <see cref="Previous"/> is the answer the page showed, so unchanged ones are not saved again.</summary>
    public sealed class AnswerInput
    {
        public string? Code { get; set; }
        public string? Value { get; set; }
        public string? Previous { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>Every form's fields; each form sends the ones it needs.</summary>
    public sealed class ActionInput : StepInput
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
        public string? Reason { get; set; }
        public DateTime? BookedFor { get; set; }
        public bool StaffMustBePresent { get; set; }
        public string? Route { get; set; }
        public string? Text { get; set; }
        public List<AnswerInput> Answers { get; set; } = [];
    }

    [BindProperty] public ActionInput Input { get; set; } = new();
    public GetWorkOrder.View Order { get; private set; } = null!;
    public WorkOrderForm? Posted { get; private set; }

    public bool CanWrite => Can(Policies.WorkOrdersWrite);
    public bool CanOpenClients => Can(Policies.ClientsRead);
    public bool CanOpenEntrances => Can(Policies.PropertiesRead);
    public bool CanOpenDevices => Can(Policies.DevicesRead);
    public bool CanHandleKeys => Can(Policies.KeysWrite);

    /// <summary>The owner acts: the order is in the owner's hands and the user may write.</summary>
    public bool Acts => CanWrite && Order.CanAct;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostTakeAsync(Guid id, [FromServices] TakeStep handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Take, "Du har tagit steget.", ct, () => handler.Handle(id, new() { Version = Input.Version }, ct));

    public Task<IActionResult> OnPostBookAsync(Guid id, [FromServices] BookWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Book, "Tiden är bokad.", ct, () => handler.Handle(id, new()
        {
            Version = Input.Version, BookedFor = Input.BookedFor, StaffMustBePresent = Input.StaffMustBePresent, Comment = Input.Comment,
        }, ct));

    /// <summary>Saves the checkpoint answers that changed ("Spara svaren"), without completing the step.</summary>
    public Task<IActionResult> OnPostAnswerAsync(Guid id, [FromServices] AnswerCheckpoint handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Answer, "Svaren är sparade.", ct, async () =>
        {
            if (!ChangedAnswers().Any())
                throw ValidationFailedException.For("Answers", "Välj ett nytt svar på minst en fråga innan du sparar.");
            await SaveAnswers(id, handler, ct);
        });

    /// <summary>"Slutför steget": the answers that changed are saved first, then the step is completed with the inputs its effects need.</summary>
    public Task<IActionResult> OnPostCompleteAsync(Guid id, [FromServices] AnswerCheckpoint answer, [FromServices] CompleteStep handler,
        CancellationToken ct) =>
        Run(id, WorkOrderForm.Complete, "Steget är klart.", ct, async () => await handler.Handle(id, new()
        {
            Version = await SaveAnswers(id, answer, ct), Comment = Input.Comment, DeviceId = Input.DeviceId, SerialNumber = Input.SerialNumber,
            KeyNumber = Input.KeyNumber, StockLocationId = Input.StockLocationId, LockPartsDescription = Input.LockPartsDescription,
        }, ct));

    public Task<IActionResult> OnPostSendBackAsync(Guid id, [FromServices] SendBackStep handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.SendBack, "Ärendet är skickat tillbaka till föregående steg.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostRerouteAsync(Guid id, [FromServices] RerouteWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Reroute, "Ärendet är lämnat vidare.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Route = Input.Route, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostConfirmAsync(Guid id, [FromServices] ConfirmWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Confirm, "Förslaget är bekräftat och ärendet har startat.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Comment = Input.Comment }, ct));

    public Task<IActionResult> OnPostDismissAsync(Guid id, [FromServices] DismissWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Dismiss, "Förslaget är avfärdat.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Reason = Input.Reason }, ct));

    public Task<IActionResult> OnPostCancelAsync(Guid id, [FromServices] CancelWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Cancel, "Ärendet är makulerat.", ct,
            () => handler.Handle(id, new() { Version = Input.Version, Reason = Input.Reason }, ct));

    public Task<IActionResult> OnPostCommentAsync(Guid id, [FromServices] CommentWorkOrder handler, CancellationToken ct) =>
        Run(id, WorkOrderForm.Comment, "Kommentaren är sparad.", ct, async () =>
        {
            await handler.Handle(id, new() { Text = Input.Text }, ct);
        });

    private IEnumerable<AnswerInput> ChangedAnswers() =>
        Input.Answers.Where(a => !string.IsNullOrEmpty(a.Value) && (a.Value != a.Previous || !string.IsNullOrWhiteSpace(a.Comment)));

    /// <summary>Saves the changed answers one after the other, each on the version the previous one left; returns the version reached.</summary>
    private async Task<int?> SaveAnswers(Guid id, AnswerCheckpoint handler, CancellationToken ct)
    {
        var version = Input.Version;
        foreach (var answer in ChangedAnswers().ToList())
            version = await handler.Handle(id, new() { Version = version, CheckpointCode = answer.Code, Value = answer.Value, Comment = answer.Comment }, ct);
        return version;
    }

    private async Task<IActionResult> Run(Guid id, WorkOrderForm form, string done, CancellationToken ct, Func<Task> change)
    {
        if (!CanWrite) return Forbid();
        Posted = form;
        var result = await Attempt(async () =>
        {
            await change();
            StatusMessage = done;
            return Redirect($"/Arenden/{id}");
        });
        // Loaded after the attempt, so that a refused form is shown with the order as it is now.
        if (result is PageResult) await Load(id, ct);
        return result;
    }

    private async Task Load(Guid id, CancellationToken ct) =>
        Order = await get.Handle(id, includeClientName: Can(Policies.ClientsRead), ct);
}
