using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>Issue 4: the notification outbox (no personal data; see docs/routines.md).</summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122200000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                RecipientRole = t.Column<string>(nullable: false),
                RecipientUnitId = t.Column<Guid>(nullable: true),
                Template = t.Column<string>(nullable: false),
                Subject = t.Column<string>(nullable: false),
                Body = t.Column<string>(nullable: false),
                Link = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Status = t.Column<string>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
                NextAttemptAt = t.Column<DateTime>(nullable: false),
                SentAt = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_Notifications_Status_NextAttemptAt", "Notifications", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_Notifications_MunicipalityId", "Notifications", "MunicipalityId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Notifications");
}
