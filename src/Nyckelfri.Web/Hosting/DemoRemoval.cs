using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Tenancy;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// The operator's <c>remove-demo</c> command: deletes the demo municipalities (<see cref="Municipality.IsDemo"/>)
/// and every row that belongs to them, logins included, in one transaction; real municipalities are not touched.
/// What belongs to a municipality is read from the model, not listed by hand, so that a table added later
/// is removed too: a row belongs to a demo municipality when its <c>MunicipalityId</c> is one, or, for a
/// table without that column (order lines, user roles, …), when a foreign key points at a row that belongs.
/// Rows are deleted dependents first.
/// </summary>
public static class DemoRemoval
{
    public const string Command = "remove-demo";

    /// <summary>How many rows were removed from each table (only tables with any), and which municipalities.</summary>
    public sealed record Result(IReadOnlyList<string> Municipalities, IReadOnlyDictionary<string, int> RowsByTable)
    {
        public int Total => RowsByTable.Values.Sum();
    }

    public static async Task<int> RunAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SecuritySetup.ScopeOverride>().Scope = AccessScope.System();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        var result = await RemoveAsync(db, CancellationToken.None);
        if (result.Municipalities.Count == 0)
        {
            Console.WriteLine("Det finns inga demokommuner i databasen.");
            return 0;
        }
        foreach (var (table, rows) in result.RowsByTable.OrderBy(t => t.Key, StringComparer.Ordinal))
            Console.WriteLine($"{table,-30} {rows,8} rader");
        Console.WriteLine($"Demokommunerna {string.Join(", ", result.Municipalities)} är borttagna med allt de innehöll ({result.Total} rader).");
        return 0;
    }

    public static async Task<Result> RemoveAsync(NyckelfriDbContext db, CancellationToken ct)
    {
        var names = await db.Municipalities.AcrossMunicipalities().Where(m => m.IsDemo).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        if (names.Count == 0) return new Result([], new Dictionary<string, int>());

        var plan = Plan(db.Model);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            rows.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var statement in plan.Unlink)
                await db.Database.ExecuteSqlRawAsync(statement, ct);
            foreach (var (table, statement) in plan.Deletes)
            {
                var deleted = await db.Database.ExecuteSqlRawAsync(statement, ct);
                if (deleted > 0) rows[table] = rows.GetValueOrDefault(table) + deleted;
            }
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new Result(names, rows);
    }

    /// <summary>The statements, in order: first the nullable references that close a cycle are cleared, then each table's delete.</summary>
    internal sealed record DeletionPlan(IReadOnlyList<string> Unlink, IReadOnlyList<(string Table, string Sql)> Deletes);

    internal static DeletionPlan Plan(IModel model)
    {
        var municipality = model.FindEntityType(typeof(Municipality))!;
        var demoIds = $"SELECT {Q(Column(municipality, nameof(Municipality.Id)))} FROM {Q(municipality.GetTableName()!)} " +
                      $"WHERE {Q(Column(municipality, nameof(Municipality.IsDemo)))} = TRUE";
        var types = model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.FindOwnership() is null && t.FindPrimaryKey() is not null && t.BaseType is null)
            .ToList();

        var conditions = new Dictionary<IEntityType, string>();
        string? ConditionOf(IEntityType type, int depth)
        {
            if (conditions.TryGetValue(type, out var known)) return known;
            string? condition = null;
            if (type == municipality) condition = $"{Q(Column(type, nameof(Municipality.Id)))} IN ({demoIds})";
            else if (type.FindProperty("MunicipalityId") is { } column) condition = $"{Q(Column(type, column.Name))} IN ({demoIds})";
            else if (depth < 6)
            {
                var viaParents = type.GetForeignKeys()
                    .Where(fk => fk.Properties.Count == 1 && fk.PrincipalEntityType != type && !fk.IsOwnership)
                    .Select(fk => (fk, parent: ConditionOf(fk.PrincipalEntityType.GetRootType(), depth + 1)))
                    .Where(x => x.parent is not null)
                    .Select(x => $"{Q(Column(type, x.fk.Properties[0].Name))} IN (SELECT {Q(Column(x.fk.PrincipalEntityType, x.fk.PrincipalKey.Properties[0].Name))} " +
                                 $"FROM {Q(x.fk.PrincipalEntityType.GetTableName()!)} WHERE {x.parent})")
                    .ToList();
                if (viaParents.Count > 0) condition = "(" + string.Join(" OR ", viaParents) + ")";
            }
            if (condition is not null) conditions[type] = condition;
            return condition;
        }
        // The municipalities last: every other table's condition asks which municipalities are demo ones.
        var doomed = types.Where(t => t != municipality && ConditionOf(t, 0) is not null).ToList();
        ConditionOf(municipality, 0);

        // Dependents before principals. A cycle is broken by clearing a nullable reference in a table whose
        // rows are found by their own MunicipalityId (so that clearing it loses no row).
        var unlink = new List<string>();
        var edges = doomed.SelectMany(d => d.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.GetRootType() != d && doomed.Contains(fk.PrincipalEntityType.GetRootType()))
                .Select(fk => (Dependent: d, Principal: fk.PrincipalEntityType.GetRootType(), Fk: fk)))
            .ToList();
        foreach (var self in doomed.SelectMany(d => d.GetForeignKeys().Where(fk => fk.PrincipalEntityType.GetRootType() == d && fk.Properties.All(p => p.IsNullable))))
            unlink.Add(Unlink(self, conditions[self.DeclaringEntityType.GetRootType()]));
        var ordered = new List<IEntityType>();
        var remaining = doomed.ToList();
        while (remaining.Count > 0)
        {
            var free = remaining.Where(t => !edges.Any(e => e.Principal == t && remaining.Contains(e.Dependent))).ToList();
            if (free.Count == 0)
            {
                var breakable = edges.FirstOrDefault(e => remaining.Contains(e.Dependent) && remaining.Contains(e.Principal)
                    && e.Fk.Properties.All(p => p.IsNullable) && e.Dependent.FindProperty("MunicipalityId") is not null)
                    .Fk ?? throw new InvalidOperationException("The demo cannot be removed: the tables reference each other in a cycle with no nullable reference.");
                unlink.Add(Unlink(breakable, conditions[breakable.DeclaringEntityType.GetRootType()]));
                edges.RemoveAll(e => e.Fk == breakable);
                continue;
            }
            ordered.AddRange(free);
            remaining.RemoveAll(free.Contains);
        }
        ordered.Add(municipality);
        return new DeletionPlan(unlink, ordered.Select(t => (t.GetTableName()!, $"DELETE FROM {Q(t.GetTableName()!)} WHERE {conditions[t]}")).ToList());
    }

    private static string Unlink(IForeignKey fk, string condition) =>
        $"UPDATE {Q(fk.DeclaringEntityType.GetTableName()!)} SET " +
        string.Join(", ", fk.Properties.Select(p => $"{Q(Column(fk.DeclaringEntityType, p.Name))} = NULL")) + $" WHERE {condition}";

    private static string Column(IEntityType type, string property)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return type.FindProperty(property)!.GetColumnName(table)!;
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
