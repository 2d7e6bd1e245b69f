using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 13 item 1: each municipality's OpenID Connect identity provider, and the personnel id
/// (HSA-id, employee number) its claim finds an employee by, unique in the municipality.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261208500000_IdentityProviders")]
public sealed class IdentityProviders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdentityProviders",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 100, nullable: false),
                Authority = t.Column<string>(maxLength: 500, nullable: false),
                ClientId = t.Column<string>(maxLength: 200, nullable: false),
                ProtectedClientSecret = t.Column<string>(nullable: true),
                Scopes = t.Column<string>(maxLength: 500, nullable: false),
                IdentifierClaim = t.Column<string>(maxLength: 100, nullable: false),
                MatchBy = t.Column<string>(nullable: false),
                UseUserInfo = t.Column<bool>(nullable: false),
                Enabled = t.Column<bool>(nullable: false),
                LocalPasswordsDisabled = t.Column<bool>(nullable: false),
                PasswordFallbackUserId = t.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_IdentityProviders", x => x.Id));
        migrationBuilder.CreateIndex("IX_IdentityProviders_MunicipalityId", "IdentityProviders", "MunicipalityId", unique: true);

        migrationBuilder.AddColumn<string>(name: "PersonnelId", table: "Employees", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_Employees_MunicipalityId_PersonnelId", "Employees", ["MunicipalityId", "PersonnelId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Employees_MunicipalityId_PersonnelId", "Employees");
        // EF's SQLite generator refuses DropColumn without a target model; both databases accept this.
        migrationBuilder.Sql("ALTER TABLE \"Employees\" DROP COLUMN \"PersonnelId\";");
        migrationBuilder.DropTable("IdentityProviders");
    }
}
