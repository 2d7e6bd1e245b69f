using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>Issue 13: security events are stored (tenant-scoped) as well as logged.</summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261208300000_SecurityEvents")]
public sealed class SecurityEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SecurityEvents",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: true),
                OccurredAt = t.Column<DateTime>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                UserId = t.Column<string>(maxLength: 450, nullable: true),
                UserName = t.Column<string>(maxLength: 200, nullable: true),
                Subject = t.Column<string>(maxLength: 200, nullable: true),
                Detail = t.Column<string>(maxLength: 200, nullable: true),
                RemoteAddress = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_SecurityEvents", x => x.Id));

        migrationBuilder.CreateIndex("IX_SecurityEvents_MunicipalityId_OccurredAt", "SecurityEvents", ["MunicipalityId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SecurityEvents");
}
