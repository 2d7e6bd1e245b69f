namespace Nyckelfri.Routines;

/// <summary>
/// Every routine, as code-reviewed data transcribed from ROUTINES.md and the seeds (cited on each
/// step). Step, checkpoint, answer and outcome codes are stored in the database: change a title or an
/// instruction freely, never a code. The texts are what users read in their inbox; they name no
/// person and hold no placeholders, so nothing personal can leak through them (SPEC §1.3).
/// </summary>
public static partial class RoutineCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<RoutineKind, RoutineDefinition>> Definitions = new(() =>
        new RoutineDefinition[]
        {
            InstallAssessed(), InstallAlarmOnly(), EntranceLockInstall(), EntranceLockRemoval(), FaultReport(),
            Removal(), Move(), ChangeOfProvider(), HomeCareEndsAlarmStays(), CohabitantJoins(), BatteryChange(), Purchase(),
        }.ToDictionary(d => d.Kind));

    public static IReadOnlyList<RoutineDefinition> All => [.. Enum.GetValues<RoutineKind>().Select(For)];

    public static RoutineDefinition For(RoutineKind kind) =>
        Definitions.Value.TryGetValue(kind, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No routine is defined for this kind.");

    private static readonly Lazy<IReadOnlyDictionary<string, StepDefinition>> StepsByCode = new(() =>
        Definitions.Value.Values.SelectMany(r => r.Steps).ToDictionary(s => s.Code));

    /// <summary>The step with this code in whichever routine holds it.</summary>
    public static StepDefinition Step(string code) =>
        StepsByCode.Value.TryGetValue(code, out var step) ? step : throw new KeyNotFoundException($"No routine has a step '{code}'.");

    /// <summary>The checkpoint (of whichever step) with this code: a routing checkpoint is asked in an earlier step than the ones it routes.</summary>
    public static CheckpointDefinition Checkpoint(string checkpointCode) =>
        Definitions.Value.Values.SelectMany(r => r.Steps).SelectMany(s => s.Checkpoints).First(c => c.Code == checkpointCode);

    /// <summary>The routine a step belongs to.</summary>
    public static RoutineDefinition RoutineOf(string stepCode) =>
        All.FirstOrDefault(r => r.Steps.Any(s => s.Code == stepCode))
        ?? throw new KeyNotFoundException($"No routine has a step '{stepCode}'.");

    private static RoutineDefinition Routine(RoutineKind kind, DuePolicy due, params StepDefinition[] steps) =>
        new(kind, RoutineNames.SwedishName(kind), steps, due);

    private static StepDefinition Step(
        string code, string title, string source, string instructions,
        CheckpointDefinition[]? checkpoints = null, StepEffect[]? effects = null) =>
        new(code, title, instructions, checkpoints ?? [], effects ?? [], source);

    private static CheckpointDefinition Ask(string code, string question, bool required, params AnswerOption[] options) =>
        new(code, question, options, required);

    private static AnswerOption Yes(string label = "Ja", RoutineOutcome? ends = null) => new("yes", label, ends);

    private static AnswerOption No(string label = "Nej", RoutineOutcome? ends = null) => new("no", label, ends);

    private static AnswerOption Answer(string value, string label, RoutineOutcome? ends = null) => new(value, label, ends);

    private static StepCondition When(string checkpointCode, params string[] values) => new(checkpointCode, values);
}
