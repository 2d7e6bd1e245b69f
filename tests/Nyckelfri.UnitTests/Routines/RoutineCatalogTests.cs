using System.Text.RegularExpressions;
using Nyckelfri.Routines;

namespace Nyckelfri.UnitTests.Routines;

public partial class RoutineCatalogTests
{
    private static IEnumerable<StepDefinition> AllSteps => RoutineCatalog.All.SelectMany(r => r.Steps);
    private static IEnumerable<CheckpointDefinition> AllCheckpoints => AllSteps.SelectMany(s => s.Checkpoints);

    public static TheoryData<RoutineKind> Kinds => [.. Enum.GetValues<RoutineKind>()];

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex DottedCode();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Value();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void For_EveryKind_DefinedWithStepsAndItsOwnKind(RoutineKind kind)
    {
        var routine = RoutineCatalog.For(kind);

        routine.Kind.ShouldBe(kind);
        routine.Steps.ShouldNotBeEmpty();
        routine.SwedishTitle.ShouldBe(RoutineNames.SwedishName(kind));
        routine.SwedishTitle.ShouldNotBe(kind.ToString());
    }

    [Fact]
    public void For_UndefinedKind_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RoutineCatalog.For((RoutineKind)999));

    [Fact]
    public void All_EveryKindOnceInEnumOrder() =>
        RoutineCatalog.All.Select(r => r.Kind).ShouldBe(Enum.GetValues<RoutineKind>());

    [Fact]
    public void All_StepCodes_UniqueAcrossTheCatalog() =>
        AllSteps.GroupBy(s => s.Code).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

    [Fact]
    public void All_StepCodes_LowercaseDottedAndOnePrefixPerRoutine()
    {
        foreach (var routine in RoutineCatalog.All)
        {
            routine.Steps.ShouldAllBe(s => DottedCode().IsMatch(s.Code), $"{routine.Kind}");
            routine.Steps.Select(s => s.Code.Split('.')[0]).Distinct().Count().ShouldBe(1, $"{routine.Kind}");
        }

        RoutineCatalog.All.Select(r => r.Steps[0].Code.Split('.')[0]).ShouldBeUnique();
    }

    [Fact]
    public void All_CheckpointCodes_UniqueAndUnderTheirStep()
    {
        AllCheckpoints.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        foreach (var step in AllSteps)
            step.Checkpoints.ShouldAllBe(c => c.Code.StartsWith(step.Code + ".") && DottedCode().IsMatch(c.Code));
    }

    [Fact]
    public void All_CheckpointOptions_AtLeastTwoWithUniqueStableValues()
    {
        foreach (var checkpoint in AllCheckpoints)
        {
            checkpoint.Options.Count.ShouldBeGreaterThanOrEqualTo(2, checkpoint.Code);
            checkpoint.Options.Select(o => o.Value).ShouldBeUnique(checkpoint.Code);
            checkpoint.Options.ShouldAllBe(o => Value().IsMatch(o.Value) && o.SwedishLabel.Length > 0);
        }
    }

    [Fact]
    public void All_CheckpointOptions_SomeAnswerLetsTheStepComplete() =>
        AllCheckpoints.ShouldAllBe(c => c.Options.Any(o => o.EndsRoutine == null && !o.HoldsStep));

    [Fact]
    public void All_Outcomes_KnownWithUniqueCodes()
    {
        RoutineOutcomes.All.Select(o => o.Code).ShouldBeUnique();
        RoutineOutcomes.All.ShouldAllBe(o => Value().IsMatch(o.Code));
        AllCheckpoints.SelectMany(c => c.Options).Where(o => o.EndsRoutine != null)
            .ShouldAllBe(o => RoutineOutcomes.All.Contains(o.EndsRoutine!));
    }

    [Fact]
    public void All_RoutedSteps_RoutedByARequiredCheckpointOfAnEarlierStep()
    {
        foreach (var routine in RoutineCatalog.All)
            foreach (var (step, index) in routine.Steps.Select((s, i) => (s, i)).Where(x => x.s.RoutedBy != null))
            {
                var earlier = routine.Steps.Take(index).SelectMany(s => s.Checkpoints);
                earlier.ShouldContain(c => c.Code == step.RoutedBy && c.Required, step.Code);
            }
    }

    [Fact]
    public void All_ConditionalSteps_NameAnAnswerOfAnEarlierStep()
    {
        foreach (var routine in RoutineCatalog.All)
            foreach (var (step, index) in routine.Steps.Select((s, i) => (s, i)).Where(x => x.s.OnlyWhen != null))
            {
                var checkpoint = routine.Steps.Take(index).SelectMany(s => s.Checkpoints)
                    .SingleOrDefault(c => c.Code == step.OnlyWhen!.CheckpointCode);
                checkpoint.ShouldNotBeNull(step.Code);
                step.OnlyWhen!.Values.ShouldNotBeEmpty();
                step.OnlyWhen.Values.ShouldAllBe(v => checkpoint.Options.Any(o => o.Value == v));
            }
    }

    [Fact]
    public void All_DuePolicies_NameAStepOfTheirOwnRoutine()
    {
        foreach (var routine in RoutineCatalog.All.Where(r => r.Due is DuePolicy.WorkingDaysFromStep))
            routine.Steps.ShouldContain(s => s.Code == ((DuePolicy.WorkingDaysFromStep)routine.Due).StepCode);
    }

    [Fact]
    public void All_Steps_CiteTheirSource() =>
        AllSteps.ShouldAllBe(s => s.Source.StartsWith("ROUTINES.md ") && s.Source.Contains("seed "));
}
