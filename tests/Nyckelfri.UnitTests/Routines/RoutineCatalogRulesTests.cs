using System.Text.RegularExpressions;
using Nyckelfri.Clients;
using Nyckelfri.Routines;

namespace Nyckelfri.UnitTests.Routines;

/// <summary>The rules of SPEC §5 and seed 003 that the catalog must carry.</summary>
public partial class RoutineCatalogRulesTests
{
    private static StepDefinition Step(string code) => RoutineCatalog.Step(code);

    private static AnswerOption Answer(string step, string checkpoint, string value) =>
        Step(step).Checkpoint($"{step}.{checkpoint}").Option(value);

    [Fact]
    public void InstallAssessed_Due_FiveWorkingDaysFromTheOrderStep() =>
        RoutineCatalog.For(RoutineKind.InstallAssessed).Due.ShouldBe(new DuePolicy.WorkingDaysFromStep("install.order", 5));

    [Fact]
    public void Removal_Due_FourteenDaysAfterTheLastServiceEnded() =>
        RoutineCatalog.For(RoutineKind.Removal).Due.ShouldBe(new DuePolicy.CalendarDaysAfterLastServiceEnded(14));

    [Fact]
    public void InstallAssess_CodeLockOnTheDoor_StopsWithSeed003FixedText()
    {
        var outcome = Answer("install.assess", "code-lock", "yes").EndsRoutine;

        outcome.ShouldNotBeNull();
        outcome.Kind.ShouldBe(OutcomeKind.Stopped);
        outcome.ClientNote.ShouldBe("Har kodlås på ytterdörr. Digitalt lås kan inte installeras.");
    }

    [Fact]
    public void InstallAssess_LockAlreadyInstalled_Done() =>
        Answer("install.assess", "installed", "yes").EndsRoutine.ShouldBe(RoutineOutcomes.AlreadyInstalled);

    [Fact]
    public void InstallAssess_OpensDoorThemself_StopsWithSeed003FixedText() =>
        Answer("install.assess", "wants-lock", "opens-door-themself").EndsRoutine!.ClientNote.ShouldBe(Client.OpensDoorThemselfText);

    [Fact]
    public void InstallDecline_ClientDeclines_CaseOfficerStepApplies()
    {
        var step = Step("install.decline");

        step.OnlyWhen.ShouldBe(new StepCondition("install.assess.wants-lock", ["declines"]), new OnlyWhenComparer());
        step.Checkpoint("install.decline.decision").Option("no").EndsRoutine!.ClientNote.ShouldBe(Client.AgreedNoInstallText);
    }

    [Fact]
    public void InstallKeys_NoPhysicalKeysYet_HoldsTheStep() =>
        Answer("install.keys", "available", "no").HoldsStep.ShouldBeTrue();

    [Fact]
    public void InstallMount_EntranceWithoutUnit_ProposesEntranceLockInstall() =>
        Answer("install.mount", "entrance", "unit-needed").Proposes.ShouldBe(RoutineKind.EntranceLockInstall);

    [Fact]
    public void InstallMount_Effects_LinkTheLockAndStoreTheOriginalParts() =>
        Step("install.mount").Effects.ShouldBe([StepEffect.LinkLock, StepEffect.StoreOriginalLockParts]);

    [Fact]
    public void InstallAlarmOnly_CodeLockOrLockPresent_EndsBeforeTheDecision()
    {
        Answer("alarm-install.check", "code-lock", "yes").EndsRoutine.ShouldBe(RoutineOutcomes.CodeLock);
        Answer("alarm-install.check", "installed", "yes").EndsRoutine!.Kind.ShouldBe(OutcomeKind.Done);
        Answer("alarm-install.keys", "available", "no").HoldsStep.ShouldBeTrue();
    }

    [Fact]
    public void EntranceConsent_Refused_Stops() =>
        Answer("entrance.consent", "status", "refused").EndsRoutine.ShouldBe(RoutineOutcomes.ConsentRefused);

    [Fact]
    public void EntranceConsent_AskedNotAnswered_HoldsTheStep() =>
        Answer("entrance.consent", "status", "asked").HoldsStep.ShouldBeTrue();

    [Fact]
    public void FaultReport_ReportStep_AsksRouteUrgencyAndRescueServices()
    {
        var report = Step("fault.report");

        report.Checkpoint(RoutineCatalog.FaultRoute).Options.Select(o => o.Value).ShouldBe(RoutineCatalog.FaultRoutes.All);
        report.Checkpoint("fault.report.urgent").Required.ShouldBeTrue();
        report.Checkpoint("fault.report.rescue-services").Required.ShouldBeTrue();
    }

    [Theory]
    [InlineData("fault.triage")]
    [InlineData("fault.book")]
    [InlineData("fault.fix")]
    [InlineData("fault.close")]
    public void FaultReport_LaterSteps_RoutedByWhatFailed(string step) =>
        Step(step).RoutedBy.ShouldBe(RoutineCatalog.FaultRoute);

    [Fact]
    public void FaultReport_RescueServicesBrokeIn_SupplierStepApplies()
    {
        var step = Step("fault.notify-supplier");

        step.OnlyWhen!.CheckpointCode.ShouldBe("fault.report.rescue-services");
        step.OnlyWhen.Values.ShouldBe(["yes"]);
    }

    [Fact]
    public void FaultFix_Compensation_Required() =>
        Step("fault.fix").Checkpoint("fault.fix.compensation").Required.ShouldBeTrue();

    [Fact]
    public void RemovalCheck_ServicesNotAllEnded_Stops() =>
        Answer("removal.check", "services-ended", "no").EndsRoutine.ShouldBe(RoutineOutcomes.ServicesNotEnded);

    [Fact]
    public void RemovalCheck_AlarmOrNightRemains_LockStaysAndHomeCareEndsProposed()
    {
        var answer = Answer("removal.check", "other-need", "yes");

        answer.EndsRoutine.ShouldBe(RoutineOutcomes.LockStillNeeded);
        answer.Proposes.ShouldBe(RoutineKind.HomeCareEndsAlarmStays);
    }

    [Fact]
    public void RemovalEntrance_NobodyNeedsTheUnit_ProposesEntranceLockRemoval() =>
        Answer("removal.entrance", "still-needed", "not-needed").Proposes.ShouldBe(RoutineKind.EntranceLockRemoval);

    [Fact]
    public void Removal_Effects_ReturnKeysAndPartsThenUnlink()
    {
        Step("removal.remove").Effects.ShouldBe([StepEffect.ReturnOriginalLockParts, StepEffect.ReturnKeySets, StepEffect.RemoveKeySafe]);
        Step("removal.unlink").Effects.ShouldBe([StepEffect.UnlinkLock]);
    }

    [Fact]
    public void CohabitantOrder_NoLockYet_ProposesInstall() =>
        Answer("cohabitant.order", "lock", "no").Proposes.ShouldBe(RoutineKind.InstallAssessed);

    [GeneratedRegex(@"[{}<>\[\]@]|\d{5,}|\b(XX+|NN+|ÅÅÅÅ|YYYY)\b")]
    private static partial Regex PlaceholderOrPersonalData();

    [Fact]
    public void All_Texts_NoPlaceholdersOrPersonalData()
    {
        var texts = RoutineCatalog.All.SelectMany(r => r.Steps.SelectMany(s =>
                new[] { r.SwedishTitle, s.SwedishTitle, s.SwedishInstructions }
                    .Concat(s.Checkpoints.SelectMany(c => c.Options.Select(o => o.SwedishLabel).Prepend(c.SwedishQuestion)))))
            .Concat(RoutineOutcomes.All.SelectMany(o => new[] { o.SwedishName, o.ClientNote ?? "" }));

        texts.Where(t => PlaceholderOrPersonalData().IsMatch(t)).ShouldBeEmpty();
    }

    [Fact]
    public void All_Texts_WrittenOutWithoutStrayIndentation() =>
        RoutineCatalog.All.SelectMany(r => r.Steps).ShouldAllBe(s =>
            s.SwedishInstructions.Length > 0 && !s.SwedishInstructions.StartsWith(' ') && !s.SwedishInstructions.Contains("\n "));

    private sealed class OnlyWhenComparer : IEqualityComparer<StepCondition?>
    {
        public bool Equals(StepCondition? x, StepCondition? y) =>
            x?.CheckpointCode == y?.CheckpointCode && (x?.Values ?? []).SequenceEqual(y?.Values ?? []);

        public int GetHashCode(StepCondition? obj) => obj?.CheckpointCode.GetHashCode() ?? 0;
    }
}
