using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Nyckelfri.Data.Migrations;

/// <summary>Issue 4: work orders with their checkpoint answers and comments, and each municipality's routine configuration.</summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122300000_WorkOrders")]
public sealed class WorkOrders : Migration
{
    private const string OpenInstall = "\"Kind\" IN ('InstallAssessed', 'InstallAlarmOnly') AND \"State\" IN ('Proposed', 'Open')";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.AddColumn<string>(name: "RoutinePreset", table: "Municipalities", nullable: false, defaultValue: "Salem");

        m.CreateTable(
            name: "RoutineStepOwners",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                StepCode = t.Column<string>(nullable: false),
                Route = t.Column<string>(nullable: false),
                Role = t.Column<string>(nullable: false),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_RoutineStepOwners", x => x.Id));

        m.CreateTable(
            name: "WorkOrders",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                ClientId = t.Column<Guid>(nullable: true),
                HouseholdId = t.Column<Guid>(nullable: true),
                EntranceId = t.Column<Guid>(nullable: true),
                DeviceId = t.Column<Guid>(nullable: true),
                State = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ProposalReason = t.Column<string>(nullable: true),
                CurrentStepCode = t.Column<string>(nullable: true),
                OwnerRole = t.Column<string>(nullable: true),
                OwnerUnitId = t.Column<Guid>(nullable: true),
                TakenBy = t.Column<string>(nullable: true),
                DueOn = t.Column<DateOnly>(nullable: true),
                BookedFor = t.Column<DateTime>(nullable: true),
                StaffMustBePresent = t.Column<bool>(nullable: false),
                OutcomeCode = t.Column<string>(nullable: true),
                ClosingReason = t.Column<string>(nullable: true),
                ClosedAt = t.Column<DateTime>(nullable: true),
                MunicipalityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_WorkOrders", x => x.Id));

        m.CreateTable(
            name: "CheckpointAnswers",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                WorkOrderId = t.Column<Guid>(nullable: false),
                StepCode = t.Column<string>(nullable: false),
                CheckpointCode = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: false),
                Comment = t.Column<string>(nullable: true),
                AnsweredBy = t.Column<string>(nullable: false),
                AnsweredAt = t.Column<DateTime>(nullable: false),
                Sequence = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CheckpointAnswers", x => x.Id);
                t.ForeignKey("FK_CheckpointAnswers_WorkOrders_WorkOrderId", x => x.WorkOrderId, "WorkOrders", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "WorkOrderComments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                WorkOrderId = t.Column<Guid>(nullable: false),
                StepCode = t.Column<string>(nullable: true),
                Text = t.Column<string>(nullable: false),
                By = t.Column<string>(nullable: false),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_WorkOrderComments", x => x.Id);
                t.ForeignKey("FK_WorkOrderComments_WorkOrders_WorkOrderId", x => x.WorkOrderId, "WorkOrders", "Id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateIndex("IX_RoutineStepOwners_MunicipalityId_StepCode_Route", "RoutineStepOwners", ["MunicipalityId", "StepCode", "Route"], unique: true);
        m.CreateIndex("IX_WorkOrders_MunicipalityId_Number", "WorkOrders", ["MunicipalityId", "Number"], unique: true);
        m.CreateIndex("IX_WorkOrders_MunicipalityId_State_OwnerRole", "WorkOrders", ["MunicipalityId", "State", "OwnerRole"]);
        m.CreateIndex("IX_WorkOrders_OwnerUnitId", "WorkOrders", "OwnerUnitId");
        m.CreateIndex("IX_WorkOrders_ClientId", "WorkOrders", "ClientId");
        m.CreateIndex("IX_WorkOrders_HouseholdId", "WorkOrders", "HouseholdId");
        m.CreateIndex("IX_WorkOrders_OneOpenInstall", "WorkOrders", "HouseholdId", unique: true, filter: OpenInstall);
        m.CreateIndex("IX_WorkOrders_EntranceId", "WorkOrders", "EntranceId");
        m.CreateIndex("IX_WorkOrders_DeviceId", "WorkOrders", "DeviceId");
        m.CreateIndex("IX_CheckpointAnswers_WorkOrderId_Sequence", "CheckpointAnswers", ["WorkOrderId", "Sequence"], unique: true);
        m.CreateIndex("IX_WorkOrderComments_WorkOrderId", "WorkOrderComments", "WorkOrderId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "WorkOrderComments", "CheckpointAnswers", "WorkOrders", "RoutineStepOwners" })
            migrationBuilder.DropTable(name: table);
        // As in the Devices migration: one statement that SQLite (3.35+) and PostgreSQL both run.
        migrationBuilder.Sql("ALTER TABLE \"Municipalities\" DROP COLUMN \"RoutinePreset\";");
    }
}
