using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>Issue 4: the provider unit a work order concerns (the owner of its provider-role steps).</summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122400000_WorkOrderUnit")]
public sealed class WorkOrderUnit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "UnitId", table: "WorkOrders", nullable: true);
        migrationBuilder.CreateIndex("IX_WorkOrders_UnitId", "WorkOrders", "UnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_WorkOrders_UnitId", "WorkOrders");
        // EF's SQLite generator refuses DropColumn without a target model; both databases accept this.
        migrationBuilder.Sql("ALTER TABLE \"WorkOrders\" DROP COLUMN \"UnitId\";");
    }
}
