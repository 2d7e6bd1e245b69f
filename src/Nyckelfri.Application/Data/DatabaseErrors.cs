using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Npgsql;

namespace Nyckelfri.Data;

/// <summary>
/// A unique index refused a row: two people did the same thing at once (installed two locks in one
/// household, received the same serial number). Handlers check first and give a precise message; this
/// is the backstop for the race between their check and the save, so it never becomes a 500.
/// </summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                  && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    public static RuleViolationException Duplicate() =>
        new("duplicate", "Uppgifterna krockar med något som just sparades (till exempel samma serienummer eller ett lås som redan är monterat). Ladda om sidan och kontrollera.");
}
