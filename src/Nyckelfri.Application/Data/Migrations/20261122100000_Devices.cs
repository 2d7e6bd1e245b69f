using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// Issue 3: devices, stock, purchase orders, batteries, pending tasks, the clients' original lock
/// parts, physical key sets, key receipts and physical-key uses; the municipality's battery threshold.
/// Written by hand like the first migration; the drift test proves it equals the model.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122100000_Devices")]
public sealed class Devices : Migration
{
    private const string Mounted = "\"Status\" IN ('Installed', 'Faulty')";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "BatteryThreshold", table: "Municipalities", nullable: false, defaultValue: 20);
        CreateStockTables(migrationBuilder);
        CreateDeviceTables(migrationBuilder);
        CreateKeyTables(migrationBuilder);
        CreateIndexes(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "PhysicalKeyUses", "KeyReceipts", "KeySets", "OriginalLockParts", "PendingTasks", "BatteryReadings",
                     "Devices", "PurchaseOrderLines", "PurchaseOrders", "ReorderLevels", "StockLocations", "DeviceModels",
                 })
            migrationBuilder.DropTable(name: table);
        // EF's SQLite generator refuses DropColumn without a target model (it would rebuild the
        // table); both SQLite (3.35+) and PostgreSQL drop a plain column with the same statement.
        migrationBuilder.Sql("ALTER TABLE \"Municipalities\" DROP COLUMN \"BatteryThreshold\";");
    }

    private static void CreateStockTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "DeviceModels",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Supplier = t.Column<string>(nullable: false),
                Note = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DeviceModels", x => x.Id));

        m.CreateTable(
            name: "StockLocations",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Description = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_StockLocations", x => x.Id));

        m.CreateTable(
            name: "ReorderLevels",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                StockLocationId = t.Column<Guid>(nullable: false),
                DeviceModelId = t.Column<Guid>(nullable: false),
                Level = t.Column<int>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReorderLevels", x => x.Id);
                t.ForeignKey("FK_ReorderLevels_DeviceModels_DeviceModelId", x => x.DeviceModelId, "DeviceModels", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ReorderLevels_StockLocations_StockLocationId", x => x.StockLocationId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "PurchaseOrders",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Supplier = t.Column<string>(nullable: false),
                OrderedOn = t.Column<DateOnly>(nullable: false),
                DeliverToId = t.Column<Guid>(nullable: false),
                Status = t.Column<string>(nullable: false),
                Note = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PurchaseOrders", x => x.Id);
                t.ForeignKey("FK_PurchaseOrders_StockLocations_DeliverToId", x => x.DeliverToId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "PurchaseOrderLines",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PurchaseOrderId = t.Column<Guid>(nullable: false),
                DeviceModelId = t.Column<Guid>(nullable: false),
                Ordered = t.Column<int>(nullable: false),
                Delivered = t.Column<int>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PurchaseOrderLines", x => x.Id);
                t.ForeignKey("FK_PurchaseOrderLines_DeviceModels_DeviceModelId", x => x.DeviceModelId, "DeviceModels", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PurchaseOrderLines_PurchaseOrders_PurchaseOrderId", x => x.PurchaseOrderId, "PurchaseOrders", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    private static void CreateDeviceTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Devices",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                DeviceModelId = t.Column<Guid>(nullable: false),
                SerialNumber = t.Column<string>(nullable: false),
                KeyNumber = t.Column<string>(nullable: true),
                Firmware = t.Column<string>(nullable: true),
                Note = t.Column<string>(nullable: true),
                Status = t.Column<string>(nullable: false),
                StockLocationId = t.Column<Guid>(nullable: true),
                HouseholdId = t.Column<Guid>(nullable: true),
                EntranceId = t.Column<Guid>(nullable: true),
                InstalledOn = t.Column<DateOnly>(nullable: true),
                FaultDescription = t.Column<string>(nullable: true),
                ScrapReason = t.Column<string>(nullable: true),
                BatteryLevel = t.Column<int>(nullable: true),
                BatteryReportedAt = t.Column<DateTime>(nullable: true),
                BatteryEmptyOn = t.Column<DateOnly>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Devices", x => x.Id);
                t.ForeignKey("FK_Devices_DeviceModels_DeviceModelId", x => x.DeviceModelId, "DeviceModels", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Devices_Entrances_EntranceId", x => x.EntranceId, "Entrances", "Id");
                t.ForeignKey("FK_Devices_Households_HouseholdId", x => x.HouseholdId, "Households", "Id");
                t.ForeignKey("FK_Devices_StockLocations_StockLocationId", x => x.StockLocationId, "StockLocations", "Id");
            });

        m.CreateTable(
            name: "BatteryReadings",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = t.Column<Guid>(nullable: false),
                DeviceId = t.Column<Guid>(nullable: false),
                Level = t.Column<int>(nullable: false),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_BatteryReadings", x => x.Id);
                t.ForeignKey("FK_BatteryReadings_Devices_DeviceId", x => x.DeviceId, "Devices", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "PendingTasks",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                DeviceId = t.Column<Guid>(nullable: false),
                UnitId = t.Column<Guid>(nullable: true),
                Level = t.Column<int>(nullable: false),
                OpenedAt = t.Column<DateTime>(nullable: false),
                Status = t.Column<string>(nullable: false),
                DoneAt = t.Column<DateTime>(nullable: true),
                DoneBy = t.Column<string>(nullable: true),
                Note = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PendingTasks", x => x.Id);
                t.ForeignKey("FK_PendingTasks_Devices_DeviceId", x => x.DeviceId, "Devices", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PendingTasks_Units_UnitId", x => x.UnitId, "Units", "Id");
            });

        m.CreateTable(
            name: "OriginalLockParts",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                StockLocationId = t.Column<Guid>(nullable: false),
                Description = t.Column<string>(nullable: false),
                Tag = t.Column<string>(nullable: true),
                StoredOn = t.Column<DateOnly>(nullable: false),
                ReturnedOn = t.Column<DateOnly>(nullable: true),
                ReturnNote = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OriginalLockParts", x => x.Id);
                t.ForeignKey("FK_OriginalLockParts_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_OriginalLockParts_StockLocations_StockLocationId", x => x.StockLocationId, "StockLocations", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    private static void CreateKeyTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "KeySets",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                KeyNumber = t.Column<string>(nullable: false),
                KeyCount = t.Column<int>(nullable: false),
                Status = t.Column<string>(nullable: false),
                HolderUnitId = t.Column<Guid>(nullable: true),
                Note = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_KeySets", x => x.Id);
                t.ForeignKey("FK_KeySets_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_KeySets_Units_HolderUnitId", x => x.HolderUnitId, "Units", "Id");
            });

        m.CreateTable(
            name: "KeyReceipts",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                KeySetId = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                KeyNumber = t.Column<string>(nullable: false),
                KeyCount = t.Column<int>(nullable: false),
                Date = t.Column<DateOnly>(nullable: false),
                GiverName = t.Column<string>(nullable: false),
                ReceiverName = t.Column<string>(nullable: false),
                SignedByGiver = t.Column<bool>(nullable: false),
                SignedByReceiver = t.Column<bool>(nullable: false),
                FromUnitId = t.Column<Guid>(nullable: true),
                ToUnitId = t.Column<Guid>(nullable: true),
                RecordedBy = t.Column<string>(nullable: false),
                Note = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_KeyReceipts", x => x.Id);
                t.ForeignKey("FK_KeyReceipts_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_KeyReceipts_KeySets_KeySetId", x => x.KeySetId, "KeySets", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "PhysicalKeyUses",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<Guid>(nullable: false),
                KeySetId = t.Column<Guid>(nullable: true),
                UsedAt = t.Column<DateTime>(nullable: false),
                Reason = t.Column<string>(nullable: false),
                Note = t.Column<string>(nullable: true),
                RecordedBy = t.Column<string>(nullable: false),
                RecordedById = t.Column<string>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PhysicalKeyUses", x => x.Id);
                t.ForeignKey("FK_PhysicalKeyUses_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PhysicalKeyUses_KeySets_KeySetId", x => x.KeySetId, "KeySets", "Id");
            });
    }

    private static void CreateIndexes(MigrationBuilder m)
    {
        m.CreateIndex("IX_DeviceModels_MunicipalityId_Name", "DeviceModels", ["MunicipalityId", "Name"], unique: true);
        m.CreateIndex("IX_StockLocations_MunicipalityId_Name", "StockLocations", ["MunicipalityId", "Name"], unique: true);
        m.CreateIndex("IX_ReorderLevels_StockLocationId_DeviceModelId", "ReorderLevels", ["StockLocationId", "DeviceModelId"], unique: true);
        m.CreateIndex("IX_ReorderLevels_DeviceModelId", "ReorderLevels", "DeviceModelId");
        m.CreateIndex("IX_PurchaseOrders_MunicipalityId_Number", "PurchaseOrders", ["MunicipalityId", "Number"], unique: true);
        m.CreateIndex("IX_PurchaseOrders_DeliverToId", "PurchaseOrders", "DeliverToId");
        m.CreateIndex("IX_PurchaseOrderLines_PurchaseOrderId", "PurchaseOrderLines", "PurchaseOrderId");
        m.CreateIndex("IX_PurchaseOrderLines_DeviceModelId", "PurchaseOrderLines", "DeviceModelId");

        m.CreateIndex("IX_Devices_MunicipalityId_SerialNumber", "Devices", ["MunicipalityId", "SerialNumber"], unique: true);
        m.CreateIndex("IX_Devices_MunicipalityId_KeyNumber", "Devices", ["MunicipalityId", "KeyNumber"], unique: true);
        m.CreateIndex("IX_Devices_MunicipalityId_Status", "Devices", ["MunicipalityId", "Status"]);
        m.CreateIndex("IX_Devices_DeviceModelId", "Devices", "DeviceModelId");
        m.CreateIndex("IX_Devices_StockLocationId", "Devices", "StockLocationId");
        m.CreateIndex("IX_Devices_HouseholdId", "Devices", "HouseholdId");
        m.CreateIndex("IX_Devices_MountedLockUnit", "Devices", "HouseholdId", unique: true, filter: "\"Kind\" = 'LockUnit' AND " + Mounted);
        m.CreateIndex("IX_Devices_EntranceId", "Devices", "EntranceId");
        m.CreateIndex("IX_Devices_MountedEntranceUnit", "Devices", "EntranceId", unique: true, filter: Mounted);

        m.CreateIndex("IX_BatteryReadings_DeviceId_At", "BatteryReadings", ["DeviceId", "At"]);
        m.CreateIndex("IX_PendingTasks_OpenPerDevice", "PendingTasks", ["DeviceId", "Kind"], unique: true, filter: "\"Status\" = 'Open'");
        m.CreateIndex("IX_PendingTasks_MunicipalityId_Status", "PendingTasks", ["MunicipalityId", "Status"]);
        m.CreateIndex("IX_PendingTasks_UnitId", "PendingTasks", "UnitId");
        m.CreateIndex("IX_OriginalLockParts_ClientId", "OriginalLockParts", "ClientId");
        m.CreateIndex("IX_OriginalLockParts_StockLocationId", "OriginalLockParts", "StockLocationId");

        m.CreateIndex("IX_KeySets_ClientId", "KeySets", "ClientId");
        m.CreateIndex("IX_KeySets_HolderUnitId", "KeySets", "HolderUnitId");
        m.CreateIndex("IX_KeyReceipts_KeySetId", "KeyReceipts", "KeySetId");
        m.CreateIndex("IX_KeyReceipts_ClientId", "KeyReceipts", "ClientId");
        m.CreateIndex("IX_PhysicalKeyUses_ClientId_UsedAt", "PhysicalKeyUses", ["ClientId", "UsedAt"]);
        m.CreateIndex("IX_PhysicalKeyUses_KeySetId", "PhysicalKeyUses", "KeySetId");
    }
}
