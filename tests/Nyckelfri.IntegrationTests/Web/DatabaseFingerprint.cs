using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nyckelfri.Data;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Everything stored, summed up: for every table of the model, every column of every row, in one
/// statement. Equal fingerprints mean nothing was added, changed or removed anywhere; a new table is
/// covered the day it enters the model (except the security log, see <see cref="RecordsAttempts"/>). One line per table, "Table: rows hash", so that a failing
/// comparison names the table that changed. On PostgreSQL each table is hashed by the server (md5 over
/// its rows in a fixed order); SQLite, in process, hands the rows' text over and it is hashed here.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly Dictionary<(string Provider, IModel Model), string> Statements = [];

    /// <summary>
    /// The security log records attempts, refused and failed ones included (a search by personnummer that found
    /// nothing, a rate-limited call): the one table a request that changes nothing is meant to write. Its own
    /// tests (ScopeTests, RateLimitTests) check what goes in.
    /// </summary>
    private static readonly HashSet<string> RecordsAttempts = ["SecurityEvents"];
    private static readonly Lock Gate = new();

    public static async Task<string> TakeAsync(NyckelfriDbContext db)
    {
        var sql = StatementFor(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            // PostgreSQL plans the long statement once per connection (Npgsql keeps it prepared across the pool).
            if (db.Database.IsNpgsql()) await command.PrepareAsync();
            var lines = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // "count digest-or-rows": keep the count readable, shorten the rest to a digest.
                var value = reader.GetString(1);
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                var rows = Encoding.UTF8.GetBytes(value[(space + 1)..]);
                lines.Append(reader.GetString(0)).Append(": ").Append(value[..space]).Append(' ')
                    .Append(Convert.ToHexString(SHA256.HashData(rows))[..16]).Append('\n');
            }
            return lines.ToString();
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tables of the model, with their columns, as one statement (built once per provider).</summary>
    private static string StatementFor(NyckelfriDbContext db)
    {
        var key = (db.Database.ProviderName ?? "", db.Model);
        lock (Gate)
        {
            if (Statements.TryGetValue(key, out var cached)) return cached;
            var postgres = db.Database.IsNpgsql();
            var tables = db.Model.GetEntityTypes()
                .Select(e => StoreObjectIdentifier.Create(e, StoreObjectType.Table))
                .OfType<StoreObjectIdentifier>().Distinct()
                .Where(table => !RecordsAttempts.Contains(table.Name))
                .Select(table => (table.Name, Columns: db.Model.GetEntityTypes()
                    .SelectMany(e => e.GetProperties().Select(p => p.GetColumnName(table)))
                    .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList()))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            var selects = tables.Select(t => postgres ? Postgres(t.Name, t.Columns) : Sqlite(t.Name, t.Columns));
            var sql = string.Join("\nUNION ALL\n", selects);
            Statements[key] = sql;
            return sql;
        }
    }

    private static string Postgres(string table, IReadOnlyList<string> columns)
    {
        var row = string.Join(" || '|' || ", columns.Select(c => $"coalesce(\"{c}\"::text, '<null>')"));
        return $"SELECT '{table}', (SELECT count(*)::text || ' ' || coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '') " +
               $"FROM (SELECT {row} AS r FROM \"{table}\") x)";
    }

    private static string Sqlite(string table, IReadOnlyList<string> columns)
    {
        var row = string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"));
        return $"SELECT '{table}', (SELECT count(*) || ' ' || coalesce(group_concat(r, char(10)), '') " +
               $"FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY r))";
    }
}
