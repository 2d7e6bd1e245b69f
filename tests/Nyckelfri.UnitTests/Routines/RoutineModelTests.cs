using Nyckelfri.Routines;
using Xunit.Abstractions;

namespace Nyckelfri.UnitTests.Routines;

/// <summary>
/// Thousands of random action sequences on <see cref="RoutineModel"/> (the real service rules, the real work-order
/// aggregate, owners from a random preset), checking after every action that a lock nobody needs gets an overdue
/// removal in time, that a household never has two open installs, and that no removal takes down a needed lock.
/// The seed is fixed; a failure prints the seed and the actions that led to it, so it can be replayed.
/// </summary>
public sealed class RoutineModelTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_122;
    private const int Sequences = 2_000;
    private const int ActionsPerSequence = 40;

    [Fact]
    public void RandomSequences_RulesAndWorkOrders_KeepTheInvariants()
    {
        var kinds = new Dictionary<RoutineKind, int>();
        var states = new Dictionary<WorkOrderState, int>();
        var counters = new Dictionary<string, int>();
        var failures = new List<(int Seed, string What, RoutineModel Model)>();
        for (var i = 0; i < Sequences; i++)
        {
            var seed = Seed + i;
            var model = new RoutineModel(seed);
            if (Run(model) is { } broken)
            {
                failures.Add((seed, broken, model));
                continue;
            }
            foreach (var (what, count) in model.Counters) counters[what] = counters.GetValueOrDefault(what) + count;
            foreach (var order in model.Orders)
            {
                kinds[order.Kind] = kinds.GetValueOrDefault(order.Kind) + 1;
                states[order.State] = states.GetValueOrDefault(order.State) + 1;
            }
        }

        if (failures.Count > 0)
        {
            // The shortest failing sequence is the easiest to read.
            var (seed, what, model) = failures.MinBy(f => f.Model.Log.Count);
            throw new Xunit.Sdk.XunitException(
                $"{failures.Count} of {Sequences} sequences broke an invariant (seeds {string.Join(", ", failures.Take(10).Select(f => f.Seed))}…). "
                + $"The shortest, seed {seed} (replay: new RoutineModel({seed}), then Step()):\n{what}\n\nActions:\n  " + string.Join("\n  ", model.Log));
        }
        output.WriteLine($"{Sequences} sequences × {ActionsPerSequence} actions from seed {Seed}");
        output.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine(string.Join(", ", states.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine(string.Join(", ", counters.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        // The sequences must reach the interesting places, or the invariants prove little.
        foreach (var what in new[] { "lock mounted by an install", "lock unlinked by a removal", "unlink refused", "lock overdue for removal" })
            counters.GetValueOrDefault(what).ShouldBeGreaterThan(50, what);
        foreach (var kind in new[] { RoutineKind.InstallAssessed, RoutineKind.Removal, RoutineKind.HomeCareEndsAlarmStays, RoutineKind.ChangeOfProvider })
            kinds.GetValueOrDefault(kind).ShouldBeGreaterThan(100, kind.ToString());
        foreach (var state in Enum.GetValues<WorkOrderState>())
            states.GetValueOrDefault(state).ShouldBeGreaterThan(50, state.ToString());
    }

    /// <summary>Runs one sequence; the broken invariant (or the unexpected error) that stopped it, if any.</summary>
    private static string? Run(RoutineModel model)
    {
        for (var a = 0; a < ActionsPerSequence; a++)
        {
            try
            {
                model.Step();
            }
            catch (Exception e)
            {
                return $"{e.GetType().Name}: {e.Message}";
            }
            if (model.Violations.Count > 0) return string.Join("\n", model.Violations);
        }
        return null;
    }
}
