using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 12: issuer keys rotate. A municipality has several keys over time (the unique index on the
/// municipality goes), each with the time it starts signing and the time it was retired; the signed
/// issuer key sets the locks take are kept like the revocation lists. An existing key signs from its
/// creation, as it always has.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261207200000_IssuerKeyRotation")]
public sealed class IssuerKeyRotation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite()) RebuildIssuerKeysOnSqlite(migrationBuilder);
        else AlterIssuerKeysOnPostgres(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "IssuerKeySets",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                SetVersion = t.Column<long>(nullable: false),
                IssuedAt = t.Column<DateTime>(nullable: false),
                SignedBy = t.Column<string>(nullable: false),
                Encoded = t.Column<byte[]>(nullable: false),
                Keys = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_IssuerKeySets", x => x.Id));
        migrationBuilder.CreateIndex("IX_IssuerKeySets_MunicipalityId_SetVersion", "IssuerKeySets", ["MunicipalityId", "SetVersion"], unique: true);
    }

    /// <summary>
    /// SQLite adds a NOT NULL column only with a default, which the model does not have: the small table
    /// is rebuilt as EF would build it, the existing keys copied with ActivatesAt = CreatedAt.
    /// </summary>
    private static void RebuildIssuerKeysOnSqlite(MigrationBuilder m)
    {
        m.Sql("""
            CREATE TABLE "ef_temp_IssuerKeys" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_IssuerKeys" PRIMARY KEY AUTOINCREMENT,
                "MunicipalityId" TEXT NOT NULL,
                "KeyId" TEXT NOT NULL,
                "PublicKey" BLOB NOT NULL,
                "ProtectedPrivateKey" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "ActivatesAt" TEXT NOT NULL,
                "RetiredAt" TEXT NULL);
            """);
        m.Sql("""
            INSERT INTO "ef_temp_IssuerKeys" ("Id", "MunicipalityId", "KeyId", "PublicKey", "ProtectedPrivateKey", "CreatedAt", "ActivatesAt", "RetiredAt")
            SELECT "Id", "MunicipalityId", "KeyId", "PublicKey", "ProtectedPrivateKey", "CreatedAt", "CreatedAt", NULL FROM "IssuerKeys";
            """);
        m.Sql("""DROP TABLE "IssuerKeys";""");
        m.Sql("""ALTER TABLE "ef_temp_IssuerKeys" RENAME TO "IssuerKeys";""");
        m.CreateIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys", "MunicipalityId");
        m.CreateIndex("IX_IssuerKeys_KeyId", "IssuerKeys", "KeyId", unique: true);
    }

    private static void AlterIssuerKeysOnPostgres(MigrationBuilder m)
    {
        m.DropIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys");
        m.CreateIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys", "MunicipalityId");
        m.AddColumn<DateTime>(name: "ActivatesAt", table: "IssuerKeys", nullable: false, defaultValue: DateTime.UnixEpoch);
        m.Sql("""UPDATE "IssuerKeys" SET "ActivatesAt" = "CreatedAt";""");
        m.Sql("""ALTER TABLE "IssuerKeys" ALTER COLUMN "ActivatesAt" DROP DEFAULT;""");
        m.AddColumn<DateTime>(name: "RetiredAt", table: "IssuerKeys", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("IssuerKeySets");
        // Down keeps one key per municipality: the newest, as the key that signed last.
        migrationBuilder.Sql("""
            DELETE FROM "IssuerKeys" WHERE EXISTS (SELECT 1 FROM "IssuerKeys" n
                WHERE n."MunicipalityId" = "IssuerKeys"."MunicipalityId" AND n."ActivatesAt" > "IssuerKeys"."ActivatesAt");
            """);
        migrationBuilder.DropIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys");
        migrationBuilder.CreateIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys", "MunicipalityId", unique: true);
        migrationBuilder.Sql("""ALTER TABLE "IssuerKeys" DROP COLUMN "ActivatesAt";""");
        migrationBuilder.Sql("""ALTER TABLE "IssuerKeys" DROP COLUMN "RetiredAt";""");
    }
}
