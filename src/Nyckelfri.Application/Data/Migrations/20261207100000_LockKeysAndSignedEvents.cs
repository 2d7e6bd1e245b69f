using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 12, lock protocol v2: each lock's own public key on its device record, and on every stored
/// lock event its chain hash and the hash before it, so that later batches are checked against what
/// is stored (chain continuity, forks).
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261207100000_LockKeysAndSignedEvents")]
public sealed class LockKeysAndSignedEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<byte[]>(name: "LockPublicKey", table: "Devices", nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "LockEventHash", table: "AccessEvents", nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "LockEventPreviousHash", table: "AccessEvents", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // EF's SQLite generator refuses DropColumn without a target model; both databases accept this.
        migrationBuilder.Sql("ALTER TABLE \"AccessEvents\" DROP COLUMN \"LockEventPreviousHash\";");
        migrationBuilder.Sql("ALTER TABLE \"AccessEvents\" DROP COLUMN \"LockEventHash\";");
        migrationBuilder.Sql("ALTER TABLE \"Devices\" DROP COLUMN \"LockPublicKey\";");
    }
}
