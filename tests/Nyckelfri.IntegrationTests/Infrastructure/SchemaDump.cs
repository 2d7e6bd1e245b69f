using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.IntegrationTests.Infrastructure;

/// <summary>
/// A normalised, sorted description of a database's schema as the database itself reports it:
/// one line per column, index and constraint, so two schemas compare line by line. EF's own
/// bookkeeping tables (<c>__EFMigrations*</c>) are left out, and so is column order: a later
/// migration appends a column that a fresh EnsureCreated() would place elsewhere.
/// </summary>
public static partial class SchemaDump
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(TestDatabase database)
    {
        await using var context = database.CreateContext(Common.AccessScope.System());
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Provider == DatabaseProvider.Sqlite
            ? await DescribeSqliteAsync(connection)
            : await DescribePostgresAsync(connection);
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines only in <paramref name="expected"/> (-) and only in <paramref name="actual"/> (+).</summary>
    public static string Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        string.Join('\n', expected.Except(actual).Select(l => "- " + l).Concat(actual.Except(expected).Select(l => "+ " + l)));

    private const string UserTables =
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_EFMigrations%' ESCAPE '\\'";

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = await QueryAsync(connection, $"""
            SELECT 'column ' || t.name || '.' || c.name || ' ' || c.type || (CASE WHEN c."notnull" THEN ' not null' ELSE ' null' END)
                   || ' default=' || coalesce(c.dflt_value, '-') || ' pk=' || c.pk
            FROM ({UserTables}) t JOIN pragma_table_info(t.name) c
            """);
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT 'fk ' || t.name || '#' || f.id || ': (' || f."from" || ') -> ' || f."table" || '(' || coalesce(f."to", '?') || ')'
                   || ' on delete ' || f.on_delete || ' on update ' || f.on_update || ' seq=' || f.seq
            FROM ({UserTables}) t JOIN pragma_foreign_key_list(t.name) f
            """));
        // pragma_index_info lists an index's columns one per row; joined here in key order.
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT 'index ' || t.name || '.' || i.name || (CASE WHEN i."unique" THEN ' unique' ELSE '' END)
                   || ' origin=' || i.origin || ' partial=' || i.partial || ' ('
                   || (SELECT group_concat(name, ', ') FROM (SELECT k.name FROM pragma_index_info(i.name) k ORDER BY k.seqno)) || ')'
            FROM ({UserTables}) t JOIN pragma_index_list(t.name) i
            """));
        // Constraint names and AUTOINCREMENT are kept only in the table's CREATE statement.
        foreach (var row in await QueryAsync(connection, $"SELECT name || char(31) || sql FROM sqlite_master WHERE name IN ({UserTables})"))
        {
            var (table, sql) = (row.Split('\u001f')[0], row.Split('\u001f')[1]);
            lines.AddRange(ConstraintName().Matches(sql).Select(m => $"constraint {table}.{m.Groups[1].Value}"));
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"autoincrement {table}");
        }
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = await QueryAsync(connection, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || character_maximum_length || ')', '') || (CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END)
                   || ' default=' || coalesce(column_default, '-') || ' identity=' || coalesce(identity_generation, '-')
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name NOT LIKE '\_\_EFMigrations%'
            """);
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'index ' || tablename || ': ' || indexdef
            FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename NOT LIKE '\_\_EFMigrations%'
            """));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'constraint ' || t.relname || '.' || c.conname || ' ' || c.contype::text || ': ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND t.relname NOT LIKE '\_\_EFMigrations%'
            """));
        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return lines;
    }

    [GeneratedRegex("CONSTRAINT \"([^\"]+)\"")]
    private static partial Regex ConstraintName();
}
