using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 13: an administrator can disable a login (and enable it again) or remove it. A removed login
/// stays as a row so that the history keeps naming it (docs/security.md, "Sessions and transport").
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261208100000_DisabledAndRemovedLogins")]
public sealed class DisabledAndRemovedLogins : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "DisabledAt", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "RemovedAt", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // EF's SQLite generator refuses DropColumn without a target model; both databases accept this.
        migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"RemovedAt\";");
        migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"DisabledAt\";");
    }
}
