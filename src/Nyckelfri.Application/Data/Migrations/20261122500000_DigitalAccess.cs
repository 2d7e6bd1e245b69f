using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 5: digital keys, 2-factor devices and their receipts, access grants, the access log, lock
/// sync state, revocation lists, the issuer key, break-glass, visits, NFC tags, the visit webhook queue
/// and its settings. Written by hand; the drift test proves it equals the model.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122500000_DigitalAccess")]
public sealed class DigitalAccess : Migration
{
    private static readonly string[] Tables =
    [
        "WebhookDeliveries", "NfcTags", "Visits", "BreakGlasses", "IssuerKeys", "RevocationLists", "LockSyncs",
        "AccessEvents", "AccessGrants", "DigitalKeyReceipts", "TwoFactorDevices", "DigitalKeys",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "VisitWebhookUrl", table: "Municipalities", nullable: true);
        migrationBuilder.AddColumn<string>(name: "VisitWebhookSecret", table: "Municipalities", nullable: true);
        CreateKeyTables(migrationBuilder);
        CreateLogTables(migrationBuilder);
        CreateVisitTables(migrationBuilder);
        CreateIndexes(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables) migrationBuilder.DropTable(name: table);
        // See WorkOrderUnit: both databases accept a plain DROP COLUMN.
        migrationBuilder.Sql("ALTER TABLE \"Municipalities\" DROP COLUMN \"VisitWebhookUrl\";");
        migrationBuilder.Sql("ALTER TABLE \"Municipalities\" DROP COLUMN \"VisitWebhookSecret\";");
    }

    private static void CreateKeyTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "DigitalKeys",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                KeyNumber = t.Column<string>(maxLength: 40, nullable: false),
                Kind = t.Column<string>(nullable: false),
                Status = t.Column<string>(nullable: false),
                HolderPublicKey = t.Column<byte[]>(nullable: false),
                HolderKeyHash = t.Column<byte[]>(nullable: false),
                ProtectedPrivateKey = t.Column<string>(nullable: true),
                EmployeeId = t.Column<Guid>(nullable: true),
                Stock = t.Column<string>(nullable: false),
                OrderedBy = t.Column<string>(nullable: true),
                IssuedOn = t.Column<DateOnly>(nullable: true),
                ReturnedOn = t.Column<DateOnly>(nullable: true),
                BlockedAt = t.Column<DateTime>(nullable: true),
                BlockReason = t.Column<string>(nullable: true),
                KeptAt = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DigitalKeys", x => x.Id);
                t.ForeignKey("FK_DigitalKeys_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.NoAction);
            });

        m.CreateTable(
            name: "TwoFactorDevices",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                SerialNumber = t.Column<string>(maxLength: 40, nullable: false),
                Status = t.Column<string>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: true),
                UnitId = t.Column<Guid>(nullable: true),
                KeptAt = t.Column<string>(nullable: true),
                BlockedAt = t.Column<DateTime>(nullable: true),
                BlockReason = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TwoFactorDevices", x => x.Id);
                t.ForeignKey("FK_TwoFactorDevices_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.NoAction);
                t.ForeignKey("FK_TwoFactorDevices_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.NoAction);
            });

        m.CreateTable(
            name: "DigitalKeyReceipts",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: false),
                DigitalKeyId = t.Column<Guid>(nullable: true),
                TwoFactorDeviceId = t.Column<Guid>(nullable: true),
                ItemNumber = t.Column<string>(nullable: false),
                Date = t.Column<DateOnly>(nullable: false),
                GiverName = t.Column<string>(nullable: false),
                ReceiverName = t.Column<string>(nullable: false),
                SignedByGiver = t.Column<bool>(nullable: false),
                SignedByReceiver = t.Column<bool>(nullable: false),
                Note = t.Column<string>(nullable: true),
                RecordedBy = t.Column<string>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DigitalKeyReceipts", x => x.Id);
                t.ForeignKey("FK_DigitalKeyReceipts_DigitalKeys_DigitalKeyId", x => x.DigitalKeyId, "DigitalKeys", "Id", onDelete: ReferentialAction.NoAction);
                t.ForeignKey("FK_DigitalKeyReceipts_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_DigitalKeyReceipts_TwoFactorDevices_TwoFactorDeviceId", x => x.TwoFactorDeviceId, "TwoFactorDevices", "Id", onDelete: ReferentialAction.NoAction);
            });

        m.CreateTable(
            name: "AccessGrants",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: false),
                UnitId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                FromDate = t.Column<DateOnly>(nullable: false),
                ToDate = t.Column<DateOnly>(nullable: false),
                Reason = t.Column<string>(nullable: true),
                GrantedBy = t.Column<string>(nullable: false),
                WithdrawnAt = t.Column<DateTime>(nullable: true),
                WithdrawnBy = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AccessGrants", x => x.Id);
                t.ForeignKey("FK_AccessGrants_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_AccessGrants_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    private static void CreateLogTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "AccessEvents",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                Outcome = t.Column<string>(nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: true),
                DigitalKeyId = t.Column<Guid>(nullable: true),
                LockId = t.Column<Guid>(nullable: true),
                ClientId = t.Column<Guid>(nullable: true),
                HouseholdId = t.Column<Guid>(nullable: true),
                UnitId = t.Column<Guid>(nullable: true),
                CredentialId = t.Column<Guid>(nullable: true),
                CredentialKind = t.Column<string>(nullable: true),
                ValidUntil = t.Column<DateTime>(nullable: true),
                LockSequence = t.Column<long>(nullable: true),
                ReasonCode = t.Column<string>(nullable: true),
                Detail = t.Column<string>(nullable: true),
                RecordedBy = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AccessEvents", x => x.Id));

        m.CreateTable(
            name: "LockSyncs",
            columns: t => new
            {
                LockId = t.Column<Guid>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                HighestSequence = t.Column<long>(nullable: false),
                MissingEvents = t.Column<long>(nullable: false),
                RevocationListVersion = t.Column<long>(nullable: false),
                RevocationListAppliedAt = t.Column<DateTime>(nullable: true),
                LastHeardAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_LockSyncs", x => x.LockId));

        m.CreateTable(
            name: "RevocationLists",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                ListVersion = t.Column<long>(nullable: false),
                IssuedAt = t.Column<DateTime>(nullable: false),
                Encoded = t.Column<byte[]>(nullable: false),
                Entries = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_RevocationLists", x => x.Id));

        m.CreateTable(
            name: "IssuerKeys",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                KeyId = t.Column<string>(nullable: false),
                PublicKey = t.Column<byte[]>(nullable: false),
                ProtectedPrivateKey = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_IssuerKeys", x => x.Id));

        m.CreateTable(
            name: "BreakGlasses",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: false),
                LockId = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: true),
                UnitId = t.Column<Guid>(nullable: true),
                Reason = t.Column<string>(nullable: false),
                IssuedAt = t.Column<DateTime>(nullable: false),
                ValidUntil = t.Column<DateTime>(nullable: false),
                CredentialId = t.Column<Guid>(nullable: false),
                RequestedBy = t.Column<string>(nullable: false),
                ReviewedAt = t.Column<DateTime>(nullable: true),
                ReviewedBy = t.Column<string>(nullable: true),
                ReviewNote = t.Column<string>(nullable: true),
                ReviewFoundJustified = t.Column<bool>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_BreakGlasses", x => x.Id);
                t.ForeignKey("FK_BreakGlasses_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    private static void CreateVisitTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Visits",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                EmployeeId = t.Column<Guid>(nullable: false),
                UnitId = t.Column<Guid>(nullable: true),
                Source = t.Column<string>(nullable: false),
                StartedAt = t.Column<DateTime>(nullable: false),
                EndedAt = t.Column<DateTime>(nullable: true),
                StartEventId = t.Column<long>(nullable: false),
                EndEventId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_Visits", x => x.Id));

        m.CreateTable(
            name: "NfcTags",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TagId = t.Column<string>(maxLength: 64, nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                Placement = t.Column<string>(nullable: true),
                Active = t.Column<bool>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_NfcTags", x => x.Id);
                t.ForeignKey("FK_NfcTags_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "WebhookDeliveries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                VisitId = t.Column<Guid>(nullable: false),
                Payload = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
                NextAttemptAt = t.Column<DateTime>(nullable: true),
                DeliveredAt = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_WebhookDeliveries", x => x.Id));
    }

    private static void CreateIndexes(MigrationBuilder m)
    {
        m.CreateIndex("IX_DigitalKeys_MunicipalityId_KeyNumber", "DigitalKeys", ["MunicipalityId", "KeyNumber"], unique: true);
        m.CreateIndex("IX_DigitalKeys_EmployeeId", "DigitalKeys", "EmployeeId");
        m.CreateIndex("IX_DigitalKeys_MunicipalityId_Status", "DigitalKeys", ["MunicipalityId", "Status"]);
        m.CreateIndex("IX_TwoFactorDevices_MunicipalityId_SerialNumber", "TwoFactorDevices", ["MunicipalityId", "SerialNumber"], unique: true);
        m.CreateIndex("IX_TwoFactorDevices_EmployeeId", "TwoFactorDevices", "EmployeeId");
        m.CreateIndex("IX_TwoFactorDevices_UnitId", "TwoFactorDevices", "UnitId");
        m.CreateIndex("IX_DigitalKeyReceipts_EmployeeId", "DigitalKeyReceipts", "EmployeeId");
        m.CreateIndex("IX_DigitalKeyReceipts_DigitalKeyId", "DigitalKeyReceipts", "DigitalKeyId");
        m.CreateIndex("IX_DigitalKeyReceipts_TwoFactorDeviceId", "DigitalKeyReceipts", "TwoFactorDeviceId");
        m.CreateIndex("IX_AccessGrants_EmployeeId_ToDate", "AccessGrants", ["EmployeeId", "ToDate"]);
        m.CreateIndex("IX_AccessGrants_UnitId", "AccessGrants", "UnitId");
        m.CreateIndex("IX_AccessEvents_LockSequence", "AccessEvents", ["LockId", "LockSequence"], unique: true, filter: "\"LockSequence\" IS NOT NULL");
        m.CreateIndex("IX_AccessEvents_MunicipalityId_OccurredAt", "AccessEvents", ["MunicipalityId", "OccurredAt"]);
        m.CreateIndex("IX_AccessEvents_ClientId_OccurredAt", "AccessEvents", ["ClientId", "OccurredAt"]);
        m.CreateIndex("IX_AccessEvents_EmployeeId_OccurredAt", "AccessEvents", ["EmployeeId", "OccurredAt"]);
        m.CreateIndex("IX_AccessEvents_CredentialId", "AccessEvents", "CredentialId");
        m.CreateIndex("IX_LockSyncs_MunicipalityId", "LockSyncs", "MunicipalityId");
        m.CreateIndex("IX_RevocationLists_MunicipalityId_ListVersion", "RevocationLists", ["MunicipalityId", "ListVersion"], unique: true);
        m.CreateIndex("IX_IssuerKeys_MunicipalityId", "IssuerKeys", "MunicipalityId", unique: true);
        m.CreateIndex("IX_IssuerKeys_KeyId", "IssuerKeys", "KeyId", unique: true);
        m.CreateIndex("IX_BreakGlasses_MunicipalityId_ReviewedAt", "BreakGlasses", ["MunicipalityId", "ReviewedAt"]);
        m.CreateIndex("IX_BreakGlasses_EmployeeId", "BreakGlasses", "EmployeeId");
        m.CreateIndex("IX_Visits_ClientId_StartedAt", "Visits", ["ClientId", "StartedAt"]);
        m.CreateIndex("IX_Visits_EmployeeId_StartedAt", "Visits", ["EmployeeId", "StartedAt"]);
        m.CreateIndex("IX_Visits_UnitId_StartedAt", "Visits", ["UnitId", "StartedAt"]);
        m.CreateIndex("IX_Visits_StartEventId", "Visits", "StartEventId", unique: true);
        m.CreateIndex("IX_NfcTags_MunicipalityId_TagId", "NfcTags", ["MunicipalityId", "TagId"], unique: true);
        m.CreateIndex("IX_NfcTags_ClientId", "NfcTags", "ClientId");
        m.CreateIndex("IX_WebhookDeliveries_DeliveredAt_NextAttemptAt", "WebhookDeliveries", ["DeliveredAt", "NextAttemptAt"]);
        m.CreateIndex("IX_WebhookDeliveries_VisitId", "WebhookDeliveries", "VisitId", unique: true);
    }
}
