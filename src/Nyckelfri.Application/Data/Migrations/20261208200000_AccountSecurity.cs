using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 13 (accounts): the forced change of a password someone else set, the last used TOTP time step
/// (every code works once), and user names unique per municipality instead of across the installation.
/// Every login that exists is left as it is: no forced change for passwords already in use.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261208200000_AccountSecurity")]
public sealed class AccountSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "MustChangePassword", table: "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<long>(name: "LastTotpTimeStep", table: "AspNetUsers", nullable: true);
        migrationBuilder.DropIndex(name: "UserNameIndex", table: "AspNetUsers");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName");
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_MunicipalityId_NormalizedUserName", table: "AspNetUsers",
            columns: ["MunicipalityId", "NormalizedUserName"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AspNetUsers_MunicipalityId_NormalizedUserName", table: "AspNetUsers");
        migrationBuilder.DropIndex(name: "UserNameIndex", table: "AspNetUsers");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);
        // EF's SQLite generator refuses DropColumn without a target model; both databases accept this.
        migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"LastTotpTimeStep\";");
        migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"MustChangePassword\";");
    }
}
