using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>
/// /Arenden/{id}: one work order. Its owner answers the step's checkpoints, books, and completes the
/// step; everyone else reads it. Each action is its own form, named after its heading.
/// </summary>
public sealed class WorkOrderPage(BrowserSession session) : PageObject(session)
{
    /// <summary>What completing a step that mounts a lock asks for; null fields are left as they are.</summary>
    public sealed record StepInputs(string? SerialNumber = null, string? KeyNumber = null, bool PickFirstStockLocation = false,
        string? LockPartsDescription = null, string? Comment = null);

    public static async Task<WorkOrderPage> Open(BrowserSession session, Guid id)
    {
        await Visit(session, $"/Arenden/{id}", "arende");
        return new WorkOrderPage(session);
    }

    public Guid Id => Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2]);

    /// <summary>"A-00042".</summary>
    public async Task<string> Reference() => (await Heading()).Replace("Ärende ", "", StringComparison.Ordinal).Trim();

    /// <summary>"Pågående", "Klart" …</summary>
    public Task<string> State() => Page.Locator("#order-state").InnerTextAsync();

    /// <summary>The title of the step due now.</summary>
    public Task<string> CurrentStep() => Page.Locator("#current-step").InnerTextAsync();

    /// <summary>Who owns the step now: the role, and for a provider role its unit.</summary>
    public Task<string> Owner() => Page.Locator("#current-owner").InnerTextAsync();

    public async Task<string?> StatusMessage()
    {
        var message = Page.Locator("main .alert-success");
        return await message.CountAsync() == 0 ? null : await message.InnerTextAsync();
    }

    /// <summary>Whether the forms of the step's owner are offered.</summary>
    public Task<bool> OffersToCompleteTheStep() => Form("Slutför steget").IsVisibleAsync();

    /// <summary>Picks an answer to one of the step's checkpoints (by its question); <see cref="SaveAnswers"/> or <see cref="CompleteStep"/> saves it.</summary>
    public async Task<WorkOrderPage> Answer(string question, string answer)
    {
        await Form("Slutför steget").GetByRole(AriaRole.Group, new() { Name = question })
            .GetByLabel(answer, new() { Exact = true }).CheckAsync();
        return this;
    }

    public async Task<WorkOrderPage> SaveAnswers()
    {
        await ClickAndArrive(Form("Slutför steget").GetByRole(AriaRole.Button, new() { Name = "Spara svaren" }), "arende-svar-sparade");
        return this;
    }

    /// <summary>Books the time agreed with the client (Swedish local time).</summary>
    public async Task<WorkOrderPage> Book(DateTime at, bool staffMustBePresent)
    {
        var form = Form("Boka tid");
        await form.GetByLabel("Dag och tid som är bokad med brukaren").FillAsync(at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        if (staffMustBePresent) await form.GetByLabel("Personal ska vara på plats").CheckAsync();
        await ClickAndArrive(form.GetByRole(AriaRole.Button, new() { Name = "Boka tid" }), "arende-bokat");
        return this;
    }

    public async Task<WorkOrderPage> CompleteStep(StepInputs? inputs = null)
    {
        var form = Form("Slutför steget");
        if (inputs?.SerialNumber is { } serial) await form.GetByLabel("eller skanna/skriv serienumret (frivilligt)", new() { Exact = true }).FillAsync(serial);
        if (inputs?.KeyNumber is { } key) await form.GetByLabel("Nyckelnummer (frivilligt)", new() { Exact = true }).FillAsync(key);
        if (inputs?.PickFirstStockLocation == true)
            await form.GetByLabel("Lagerplats för brukarens ordinarie låsdelar", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        if (inputs?.LockPartsDescription is { } parts) await form.GetByLabel("Brukarens ordinarie låsdelar (frivilligt)", new() { Exact = true }).FillAsync(parts);
        if (inputs?.Comment is { } comment) await form.GetByLabel("Kommentar (frivilligt)", new() { Exact = true }).FillAsync(comment);
        await ClickAndArrive(form.GetByRole(AriaRole.Button, new() { Name = "Slutför steget" }), "arende-steg-klart");
        return this;
    }

    /// <summary>Answers the step's checkpoints and completes it with one press of "Slutför steget", as its owner would.</summary>
    public async Task<WorkOrderPage> AnswerAndComplete(params (string Question, string Answer)[] answers)
    {
        foreach (var (question, answer) in answers) await Answer(question, answer);
        return await CompleteStep();
    }

    /// <summary>The link in "Nu" to hand out the client's keys with a key receipt (the key step).</summary>
    public async Task<KeyHandOutPage> HandOutKeys()
    {
        await ClickAndArrive(Page.Locator("section[aria-labelledby='current-heading']").GetByRole(AriaRole.Link, new() { Name = "Lämna ut nycklar" }), "nycklar-ny");
        return new KeyHandOutPage(Session);
    }

    /// <summary>The steps as listed, "title: status".</summary>
    public async Task<IReadOnlyList<string>> Steps() =>
        await Page.Locator("ol.work-order-steps > li").EvaluateAllAsync<string[]>(
            "items => items.map(i => i.querySelector('span').innerText.trim() + ': ' + i.querySelector('.badge').innerText.trim())");

    private ILocator Form(string heading) => Page.GetByRole(AriaRole.Form, new() { Name = heading, Exact = true });
}
