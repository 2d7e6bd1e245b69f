using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 12: credentials a lost permission took back (named by id in the revocation lists), and one
/// login per employee. Written by hand; the drift test proves it equals the model.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261207300000_RevocationFollowsPermission")]
public sealed class RevocationFollowsPermission : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RevokedCredentials",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                CredentialId = t.Column<Guid>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: false),
                LockId = t.Column<Guid>(nullable: false),
                DigitalKeyId = t.Column<Guid>(nullable: true),
                ValidUntil = t.Column<DateTime>(nullable: false),
                RevokedAt = t.Column<DateTime>(nullable: false),
                ReasonCode = t.Column<string>(maxLength: 40, nullable: false),
                Reason = t.Column<string>(maxLength: 300, nullable: false),
                FirstListVersion = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_RevokedCredentials", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_RevokedCredentials_CredentialId", table: "RevokedCredentials", column: "CredentialId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_RevokedCredentials_MunicipalityId_ValidUntil", table: "RevokedCredentials",
            columns: ["MunicipalityId", "ValidUntil"]);
        migrationBuilder.CreateIndex(name: "IX_RevokedCredentials_LockId_ValidUntil", table: "RevokedCredentials", columns: ["LockId", "ValidUntil"]);
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_EmployeeId", table: "AspNetUsers", column: "EmployeeId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AspNetUsers_EmployeeId", table: "AspNetUsers");
        migrationBuilder.DropTable(name: "RevokedCredentials");
    }
}
