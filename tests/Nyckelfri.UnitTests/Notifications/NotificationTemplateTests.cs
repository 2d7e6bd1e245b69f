using Nyckelfri.Demo;
using Nyckelfri.Notifications;
using Nyckelfri.Routines;

namespace Nyckelfri.UnitTests.Notifications;

public sealed class NotificationTemplateTests
{
    private static readonly WorkOrderReference Reference =
        new("A-2026-0042", "Montering av lås", "Boka tid med brukaren", new DateOnly(2026, 12, 29), "/Arenden/01a201f9-b834-794d-b9a0-19fc690585cb");

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var template in NotificationTemplate.All) data.Add(template.Name);
        return data;
    }

    [Theory, MemberData(nameof(Templates))]
    public void Render_EveryTemplate_CarriesNumberAndLinkAndNoPersonalData(string name)
    {
        var template = NotificationTemplate.All.Single(t => t.Name == name);

        var message = template.Render(Reference);

        message.Subject.ShouldContain(Reference.Number);
        message.Body.ShouldContain(Reference.Number);
        message.Body.ShouldContain(Reference.Link);
        message.Link.ShouldBe(Reference.Link);
        PersonalDataScanner.Scan(message.Subject + "\n" + message.Body).ShouldBeEmpty();
    }

    public static TheoryData<RoutineKind> Kinds => [.. Enum.GetValues<RoutineKind>()];

    /// <summary>The names of the demo's people, streets and firms: none may turn up in a message.</summary>
    private static readonly string[] KnownNames =
    [
        .. SwedishNames.OlderWomen, .. SwedishNames.OlderMen, .. SwedishNames.YoungerWomen, .. SwedishNames.YoungerMen, .. SwedishNames.LastNames,
        .. SwedishNames.Districts.SelectMany(d => d.Streets), .. SwedishNames.HousingAssociations,
    ];

    [Theory, MemberData(nameof(Kinds))]
    public void Render_EveryTemplateForEveryStepOfTheKind_NoPersonalData(RoutineKind kind)
    {
        // As WorkOrderSteps.Notify fills it: the step's title, or for a proposal the words asking to confirm it; nothing when closed.
        string[] steps = [.. RoutineCatalog.For(kind).Steps.Select(s => s.SwedishTitle), "Bekräfta eller avfärda förslaget", ""];
        var references = steps.SelectMany(step => new[]
        {
            new WorkOrderReference(WorkOrder.FormatNumber(42), RoutineNames.SwedishName(kind), step, new DateOnly(2026, 12, 29),
                "/Arenden/01a201f9-b834-794d-b9a0-19fc690585cb"),
            // A version 7 Guid often opens with a run of digits after a 0, like a phone number.
            new WorkOrderReference(WorkOrder.FormatNumber(99_999), RoutineNames.SwedishName(kind), step, null,
                "/Arenden/01998765-4321-7abc-8def-012345678901"),
        });

        foreach (var reference in references)
            foreach (var template in NotificationTemplate.All)
            {
                var message = template.Render(reference);
                var text = message.Subject + "\n" + message.Body;
                PersonalDataScanner.Scan(text, KnownNames).ShouldBeEmpty($"{template.Name}: {text}");
                text.ShouldContain(reference.Number);
                message.Body.ShouldContain(reference.Link);
            }
    }

    [Fact]
    public void Scan_WithTheDemosNames_FindsANameInAMessage() =>
        PersonalDataScanner.Scan($"Ärende A-00042 gäller {SwedishNames.OlderWomen[0]} {SwedishNames.LastNames[0]}.", KnownNames).Count.ShouldBe(2);

    [Fact]
    public void Render_WithDueDate_ShowsItAsIsoDate()
    {
        NotificationTemplate.StepHandedOver.Render(Reference).Body.ShouldContain("Senast: 2026-12-29.");
        NotificationTemplate.StepHandedOver.Render(Reference with { DueOn = null }).Body.ShouldNotContain("Senast");
    }

    [Fact]
    public void All_TemplateNames_AreUnique() =>
        NotificationTemplate.All.Select(t => t.Name).ShouldBeUnique();
}

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    private static Notification New() => new(Guid.NewGuid(), "Installer", null,
        NotificationTemplate.Done.Render(new WorkOrderReference("A-1", "Montering", "Klar", null, "/x")), Now);

    [Fact]
    public void MarkFailed_Repeatedly_BacksOffExponentiallyUpToAnHour_ThenGivesUp()
    {
        var n = New();
        var pauses = new List<TimeSpan>();
        for (var i = 1; i < Notification.MaxAttempts; i++)
        {
            n.MarkFailed(Now, "SmtpException: timeout");
            n.Status.ShouldBe(NotificationStatus.Pending);
            pauses.Add(n.NextAttemptAt - Now);
        }
        pauses.Select(p => p.TotalMinutes).ShouldBe([1, 2, 4, 8, 16, 32, 60]);

        n.MarkFailed(Now, "SmtpException: timeout");
        n.Status.ShouldBe(NotificationStatus.Failed);
        n.Attempts.ShouldBe(Notification.MaxAttempts);
    }

    [Fact]
    public void MarkFailed_LongError_IsShortened()
    {
        var n = New();
        n.MarkFailed(Now, new string('x', 1000));
        n.LastError!.Length.ShouldBe(300);
    }

    [Fact]
    public void MarkSent_AfterAFailure_ClearsTheError()
    {
        var n = New();
        n.MarkFailed(Now, "boom");
        n.MarkSent(Now.AddMinutes(1));
        n.Status.ShouldBe(NotificationStatus.Sent);
        n.LastError.ShouldBeNull();
        n.Attempts.ShouldBe(2);
    }
}
