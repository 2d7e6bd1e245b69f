using Nyckelfri.Common;
using Nyckelfri.Identity;
using Nyckelfri.Routines;

namespace Nyckelfri.UnitTests.Routines;

public sealed class WorkOrderTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly WorkOrderSubject Subject = new(Guid.NewGuid(), Guid.NewGuid(), null, null);

    // Friday 18 December 2026, 10:00 Swedish time.
    private static readonly DateTime Friday = new(2026, 12, 18, 9, 0, 0, DateTimeKind.Utc);

    private static Func<StepDefinition, string?, StepOwner> Owners(RoutinePreset preset) =>
        (step, route) => new StepOwner(RoutinePresets.Owner(preset, step.Code, step.RoutedBy is null ? null : route ?? FirstRoute(step)), Unit);

    // A routed step asked before its routing question was answered (not reachable in a real run) gets the first route.
    private static string FirstRoute(StepDefinition step) =>
        RoutineCatalog.All.SelectMany(r => r.Steps).SelectMany(s => s.Checkpoints).First(c => c.Code == step.RoutedBy).Options[0].Value;

    private static WorkOrder Install(RoutinePreset preset = RoutinePreset.Salem) =>
        WorkOrder.Start(Municipality, 1, RoutineKind.InstallAssessed, Subject, Friday, Owners(preset));

    /// <summary>Answers every checkpoint of the current step with the first answer that neither ends nor holds it.</summary>
    private static void AnswerToGoOn(WorkOrder order, DateTime at)
    {
        foreach (var checkpoint in order.CurrentStep!.Checkpoints)
        {
            var option = checkpoint.Options.First(o => o.EndsRoutine is null && !o.HoldsStep && o.Value != "declines");
            order.Answer(checkpoint.Code, option.Value, null, "test", at);
        }
    }

    private static void Answer(WorkOrder order, string checkpoint, string value) => order.Answer(checkpoint, value, null, "test", Friday);

    [Fact]
    public void Start_Install_FirstStepIsInformOwnedByTheCaseOfficer()
    {
        var order = Install();

        order.State.ShouldBe(WorkOrderState.Open);
        order.CurrentStepCode.ShouldBe("install.inform");
        order.OwnerRole.ShouldBe(Roles.CaseOfficer);
        order.Reference.ShouldBe("A-00001");
    }

    [Fact]
    public void CompleteStep_RequiredCheckpointUnanswered_IsRefusedAndNothingMoves()
    {
        var order = Install();

        var error = Should.Throw<RuleViolationException>(() => order.CompleteStep(Friday, Owners(RoutinePreset.Salem)));

        error.Code.ShouldBe("work-order-checkpoints-missing");
        order.CurrentStepCode.ShouldBe("install.inform");
    }

    [Fact]
    public void CompleteStep_AnswerThatHoldsTheStep_IsRefused()
    {
        var order = Install();
        Answer(order, "install.inform.informed", "no");
        Answer(order, "install.inform.decision", "accepted");

        Should.Throw<RuleViolationException>(() => order.CompleteStep(Friday, Owners(RoutinePreset.Salem))).Code.ShouldBe("work-order-step-held");
    }

    [Fact]
    public void CompleteStep_CodeLockOnTheDoor_StopsTheRoutineWithSeed003sText()
    {
        var order = Install();
        AnswerToGoOn(order, Friday);
        order.CompleteStep(Friday, Owners(RoutinePreset.Salem));
        Answer(order, "install.assess.installed", "no");
        Answer(order, "install.assess.code-lock", "yes");
        Answer(order, "install.assess.wants-lock", "yes");

        var completion = order.CompleteStep(Friday, Owners(RoutinePreset.Salem));

        order.State.ShouldBe(WorkOrderState.Stopped);
        completion.Outcome.ShouldBe(RoutineOutcomes.CodeLock);
        completion.Outcome!.ClientNote.ShouldBe("Har kodlås på ytterdörr. Digitalt lås kan inte installeras.");
        completion.Effects.ShouldBeEmpty();
        order.CurrentStepCode.ShouldBeNull();
        order.OwnerRole.ShouldBeNull();
    }

    [Fact]
    public void CompleteStep_LockAlreadyInstalled_IsDone()
    {
        var order = Install();
        AnswerToGoOn(order, Friday);
        order.CompleteStep(Friday, Owners(RoutinePreset.Salem));
        Answer(order, "install.assess.installed", "yes");
        Answer(order, "install.assess.code-lock", "no");
        Answer(order, "install.assess.wants-lock", "yes");

        order.CompleteStep(Friday, Owners(RoutinePreset.Salem)).Outcome.ShouldBe(RoutineOutcomes.AlreadyInstalled);
        order.State.ShouldBe(WorkOrderState.Done);
    }

    [Theory]
    [InlineData("declines", "install.decline")]
    [InlineData("yes", "install.keys")]
    public void CompleteStep_ConditionalStep_AppliesOnlyWhenItsAnswerWasGiven(string wantsLock, string nextStep)
    {
        var order = Install();
        AnswerToGoOn(order, Friday);
        order.CompleteStep(Friday, Owners(RoutinePreset.Salem));
        Answer(order, "install.assess.installed", "no");
        Answer(order, "install.assess.code-lock", "no");
        Answer(order, "install.assess.wants-lock", wantsLock);

        order.CompleteStep(Friday, Owners(RoutinePreset.Salem)).Next!.Code.ShouldBe(nextStep);
    }

    [Fact]
    public void CompleteStep_TheOrderStep_SetsTheDueDateFiveSwedishWorkingDaysLater()
    {
        var order = Install();
        while (order.CurrentStepCode != "install.order")
        {
            AnswerToGoOn(order, Friday);
            order.CompleteStep(Friday, Owners(RoutinePreset.Salem));
        }
        order.DueOn.ShouldBeNull();
        AnswerToGoOn(order, Friday);

        order.CompleteStep(Friday, Owners(RoutinePreset.Salem));

        // Friday 18 Dec + 5 working days, skipping the weekend and julafton–annandag jul.
        order.DueOn.ShouldBe(new DateOnly(2026, 12, 29));
        order.IsOverdueOn(new DateOnly(2026, 12, 29)).ShouldBeFalse();
        order.IsOverdueOn(new DateOnly(2026, 12, 30)).ShouldBeTrue();
    }

    [Fact]
    public void SendBack_GoesToThePreviousStepWithItsOwnerAndKeepsTheComment()
    {
        var order = Install();
        AnswerToGoOn(order, Friday);
        order.CompleteStep(Friday, Owners(RoutinePreset.Salem));

        var back = order.SendBack("Brukaren har inte fått broschyren.", "samordnare", Friday, Owners(RoutinePreset.Salem));

        back.Code.ShouldBe("install.inform");
        order.OwnerRole.ShouldBe(Roles.CaseOfficer);
        order.Comments.ShouldHaveSingleItem().Text.ShouldBe("Brukaren har inte fått broschyren.");
    }

    [Fact]
    public void SendBack_FromTheFirstStep_IsRefused() =>
        Should.Throw<RuleViolationException>(() => Install().SendBack("x", "y", Friday, Owners(RoutinePreset.Salem)))
            .Code.ShouldBe("work-order-first-step");

    [Fact]
    public void Answer_CheckpointOfAnotherStep_IsAValidationError() =>
        Should.Throw<ValidationFailedException>(() => Answer(Install(), "install.assess.code-lock", "no"));

    [Fact]
    public void Answer_ValueNotOfferedByTheQuestion_IsAValidationError() =>
        Should.Throw<ValidationFailedException>(() => Answer(Install(), "install.inform.decision", "maybe"));

    [Fact]
    public void Answer_TwiceToOneQuestion_TheLaterAnswerCounts()
    {
        var order = Install();
        Answer(order, "install.inform.informed", "no");
        Answer(order, "install.inform.informed", "yes");
        Answer(order, "install.inform.decision", "accepted");

        order.CompleteStep(Friday, Owners(RoutinePreset.Salem)).Next!.Code.ShouldBe("install.assess");
        order.Answers.Count.ShouldBe(3, "every answer stays in the record");
    }

    [Fact]
    public void Proposal_ConfirmedOnce_OpensTheFirstStep_ThenConfirmingAgainIsRefused()
    {
        var order = WorkOrder.Propose(Municipality, 7, RoutineKind.InstallAssessed, Subject, Friday, "Ny biståndsbedömd hemtjänst",
            Owners(RoutinePreset.Botkyrka));
        order.State.ShouldBe(WorkOrderState.Proposed);
        order.CurrentStepCode.ShouldBeNull();
        order.OwnerRole.ShouldBe(Roles.CaseOfficer, "the first step's owner confirms or dismisses the proposal");

        order.Confirm(Owners(RoutinePreset.Botkyrka));

        order.State.ShouldBe(WorkOrderState.Open);
        order.CurrentStepCode.ShouldBe("install.inform");
        Should.Throw<RuleViolationException>(() => order.Confirm(Owners(RoutinePreset.Botkyrka))).Code.ShouldBe("work-order-illegal-transition");
    }

    [Fact]
    public void Proposal_Dismissed_IsClosedWithItsReason_AndCannotBeConfirmed()
    {
        var order = WorkOrder.Propose(Municipality, 7, RoutineKind.Removal, Subject, Friday, "Sista insatsen avslutad",
            Owners(RoutinePreset.Salem));

        order.Dismiss("Insatsen förlängdes", Friday);

        order.State.ShouldBe(WorkOrderState.Dismissed);
        order.ClosingReason.ShouldBe("Insatsen förlängdes");
        Should.Throw<RuleViolationException>(() => order.Confirm(Owners(RoutinePreset.Salem)));
    }

    [Fact]
    public void Cancel_OpenOrder_ClosesIt_ThenNothingMoreIsAllowed()
    {
        var order = Install();
        order.Cancel("Brukaren flyttade", Friday);

        order.State.ShouldBe(WorkOrderState.Cancelled);
        order.IsOverdueOn(DateOnly.MaxValue).ShouldBeFalse();
        Should.Throw<RuleViolationException>(() => order.Cancel("igen", Friday));
        Should.Throw<RuleViolationException>(() => Answer(order, "install.inform.informed", "yes"));
        Should.Throw<RuleViolationException>(() => order.CompleteStep(Friday, Owners(RoutinePreset.Salem)));
        Should.Throw<RuleViolationException>(() => order.Take("någon"));
        Should.Throw<RuleViolationException>(() => order.Book(Friday, true));
    }

    public static TheoryData<RoutineKind, RoutinePreset> EveryKindInEveryPreset()
    {
        var data = new TheoryData<RoutineKind, RoutinePreset>();
        foreach (var kind in Enum.GetValues<RoutineKind>())
            foreach (var preset in RoutinePresets.All)
                data.Add(kind, preset);
        return data;
    }

    [Theory, MemberData(nameof(EveryKindInEveryPreset))]
    public void CompleteStep_EveryRoutineInEveryPreset_RunsToDoneWithAnOwnerForEveryStep(RoutineKind kind, RoutinePreset preset)
    {
        var order = WorkOrder.Start(Municipality, 1, kind, Subject, Friday, Owners(preset));
        var visited = new List<string>();

        for (var guard = 0; order.State == WorkOrderState.Open && guard < 50; guard++)
        {
            visited.Add(order.CurrentStepCode!);
            Roles.All.ShouldContain(order.OwnerRole!);
            AnswerToGoOn(order, Friday);
            order.CompleteStep(Friday, Owners(preset));
        }

        order.State.ShouldBe(WorkOrderState.Done, string.Join(" → ", visited));
        visited.ShouldBeUnique();
    }
}
