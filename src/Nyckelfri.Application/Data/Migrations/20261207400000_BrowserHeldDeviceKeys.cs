using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 12: the server no longer holds any holder's private key. The web-app keys' server-made pairs
/// are dropped with their column; their public halves become replaced device keys (so the next
/// revocation list names them, should a backup still hold the private halves) and the keys wait for
/// their employee's browser to enrol a new one. Adds the enrolment challenges.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261207400000_BrowserHeldDeviceKeys")]
public sealed class BrowserHeldDeviceKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DeviceKeyChallenges",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: false),
                DigitalKeyId = t.Column<Guid>(nullable: false),
                Challenge = t.Column<byte[]>(nullable: false),
                IssuedAt = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
                UsedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_DeviceKeyChallenges", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ReplacedDeviceKeys",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                DigitalKeyId = t.Column<Guid>(nullable: false),
                HolderKeyHash = t.Column<byte[]>(nullable: false),
                ReplacedAt = t.Column<DateTime>(nullable: false),
                ReplacedBy = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReplacedDeviceKeys", x => x.Id);
                t.ForeignKey("FK_ReplacedDeviceKeys_DigitalKeys_DigitalKeyId", x => x.DigitalKeyId, "DigitalKeys", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_DeviceKeyChallenges_ExpiresAt", "DeviceKeyChallenges", "ExpiresAt");
        migrationBuilder.CreateIndex("IX_ReplacedDeviceKeys_MunicipalityId", "ReplacedDeviceKeys", "MunicipalityId");
        migrationBuilder.CreateIndex("IX_ReplacedDeviceKeys_DigitalKeyId", "ReplacedDeviceKeys", "DigitalKeyId");

        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        migrationBuilder.Sql("""
            INSERT INTO "ReplacedDeviceKeys" ("MunicipalityId", "DigitalKeyId", "HolderKeyHash", "ReplacedAt", "ReplacedBy")
            SELECT "MunicipalityId", "Id", "HolderKeyHash", CURRENT_TIMESTAMP, 'Flytt av webbappsnycklar till webbläsaren'
            FROM "DigitalKeys" WHERE "Kind" = 'WebApp' AND "ProtectedPrivateKey" IS NOT NULL;
            """);
        migrationBuilder.Sql($"""
            UPDATE "DigitalKeys" SET "HolderPublicKey" = {(postgres ? "'\\x'::bytea" : "X''")}, "HolderKeyHash" = {(postgres ? "'\\x'::bytea" : "X''")}
            WHERE "Kind" = 'WebApp' AND "ProtectedPrivateKey" IS NOT NULL;
            """);
        // Both databases accept a plain DROP COLUMN (see WorkOrderUnit).
        migrationBuilder.Sql("ALTER TABLE \"DigitalKeys\" DROP COLUMN \"ProtectedPrivateKey\";");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // The private halves are gone for good; the column comes back empty.
        migrationBuilder.AddColumn<string>(name: "ProtectedPrivateKey", table: "DigitalKeys", nullable: true);
        migrationBuilder.DropTable(name: "ReplacedDeviceKeys");
        migrationBuilder.DropTable(name: "DeviceKeyChallenges");
    }
}
