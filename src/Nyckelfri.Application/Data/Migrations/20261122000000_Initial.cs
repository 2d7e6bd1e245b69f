using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nyckelfri.Data.Migrations;

/// <summary>
/// The whole schema as of the first release, written by hand (the EF design package is not
/// available here). No column names a store type, so SQLite and PostgreSQL each pick their own;
/// identity columns carry both providers' annotations and each ignores the other's. The schema
/// drift test in the integration tests proves this equals what the model creates.
/// </summary>
[DbContext(typeof(NyckelfriDbContext))]
[Migration("20261122000000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIdentityTables(migrationBuilder);
        CreateTenancyTables(migrationBuilder);
        CreateRegistryTables(migrationBuilder);
        CreateRegistryIndexes(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Dependents before principals; indexes go with their tables.
        foreach (var table in new[]
                 {
                     "CareServices", "Clients", "Households", "EmployeeUnit", "Entrances", "Units", "Employees",
                     "Addresses", "Providers", "PropertyOwners", "Municipalities", "ApiKeys", "AuditEntries",
                     "DataProtectionKeys", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
                     "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles",
                 })
            migrationBuilder.DropTable(name: table);
    }

    /// <summary>Tables that reference nothing: the tenant, integration keys, history, key ring.</summary>
    private static void CreateTenancyTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Municipalities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Code = table.Column<string>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                TwoFactorRoles = table.Column<string>(nullable: false),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Municipalities", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Role = table.Column<string>(nullable: false),
                Prefix = table.Column<string>(nullable: false),
                KeyHash = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ApiKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MunicipalityId = table.Column<Guid>(nullable: false),
                EntityType = table.Column<string>(nullable: false),
                EntityId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(nullable: true),
                UserName = table.Column<string>(nullable: false),
                Changes = table.Column<string>(nullable: false),
                Reason = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    /// <summary>
    /// The registry, principals first. Every foreign key restricts deletes (the context turns
    /// EF's cascades off) except an employee's unit memberships, which go with either side.
    /// </summary>
    private static void CreateRegistryTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PropertyOwners",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                OrganizationNumber = table.Column<string>(nullable: true),
                ContactName = table.Column<string>(nullable: true),
                ContactPhone = table.Column<string>(nullable: true),
                ContactEmail = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PropertyOwners", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Providers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                OrganizationNumber = table.Column<string>(nullable: true),
                Phone = table.Column<string>(nullable: true),
                Email = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Providers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Addresses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Street = table.Column<string>(nullable: false),
                PostalCode = table.Column<string>(nullable: false),
                City = table.Column<string>(nullable: false),
                PropertyOwnerId = table.Column<Guid>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Addresses", x => x.Id);
                // Optional relationship: EF's ClientSetNull, so no ON DELETE action in the database.
                table.ForeignKey("FK_Addresses_PropertyOwners_PropertyOwnerId", x => x.PropertyOwnerId, "PropertyOwners", "Id");
            });

        migrationBuilder.CreateTable(
            name: "Employees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProviderId = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(nullable: false),
                LastName = table.Column<string>(nullable: false),
                SearchName = table.Column<string>(nullable: false),
                Title = table.Column<string>(nullable: true),
                EmploymentType = table.Column<string>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                LongLeaveFrom = table.Column<DateOnly>(nullable: true),
                LongLeaveTo = table.Column<DateOnly>(nullable: true),
                Phone = table.Column<string>(nullable: true),
                Email = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Employees", x => x.Id);
                table.ForeignKey("FK_Employees_Providers_ProviderId", x => x.ProviderId, "Providers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Units",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProviderId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Phone = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Units", x => x.Id);
                table.ForeignKey("FK_Units_Providers_ProviderId", x => x.ProviderId, "Providers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Entrances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AddressId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                ConsentStatus = table.Column<string>(nullable: false),
                ConsentDate = table.Column<DateOnly>(nullable: true),
                ConsentNote = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Entrances", x => x.Id);
                table.ForeignKey("FK_Entrances_Addresses_AddressId", x => x.AddressId, "Addresses", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "EmployeeUnit",
            columns: table => new
            {
                EmployeeId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EmployeeUnit", x => new { x.EmployeeId, x.UnitId });
                table.ForeignKey("FK_EmployeeUnit_Employees_EmployeeId", x => x.EmployeeId, "Employees", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EmployeeUnit_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Households",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AddressId = table.Column<Guid>(nullable: false),
                EntranceId = table.Column<Guid>(nullable: true),
                Apartment = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Households", x => x.Id);
                table.ForeignKey("FK_Households_Addresses_AddressId", x => x.AddressId, "Addresses", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Households_Entrances_EntranceId", x => x.EntranceId, "Entrances", "Id");
            });

        migrationBuilder.CreateTable(
            name: "Clients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(nullable: false),
                LastName = table.Column<string>(nullable: false),
                SearchName = table.Column<string>(nullable: false),
                PersonalIdentityNumber = table.Column<string>(nullable: false),
                Phone = table.Column<string>(nullable: true),
                DoorCode = table.Column<string>(nullable: true),
                HouseholdId = table.Column<Guid>(nullable: false),
                HasCodeLock = table.Column<bool>(nullable: false),
                OpensDoorThemself = table.Column<bool>(nullable: false),
                AgreedNoInstall = table.Column<bool>(nullable: false),
                InformedOn = table.Column<DateOnly>(nullable: true),
                LockDecision = table.Column<string>(nullable: false),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Clients", x => x.Id);
                table.ForeignKey("FK_Clients_Households_HouseholdId", x => x.HouseholdId, "Households", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CareServices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Assessed = table.Column<bool>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                DecisionReference = table.Column<string>(nullable: true),
                MunicipalityId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareServices", x => x.Id);
                table.ForeignKey("FK_CareServices_Clients_ClientId", x => x.ClientId, "Clients", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CareServices_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    private static void CreateRegistryIndexes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Municipalities_Code", "Municipalities", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_ApiKeys_Prefix", "ApiKeys", "Prefix", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityId_Id", "AuditEntries", ["EntityId", "Id"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_MunicipalityId_At", "AuditEntries", ["MunicipalityId", "At"]);
        migrationBuilder.CreateIndex("IX_PropertyOwners_MunicipalityId_Name", "PropertyOwners", ["MunicipalityId", "Name"]);
        migrationBuilder.CreateIndex("IX_Providers_MunicipalityId_Name", "Providers", ["MunicipalityId", "Name"]);
        migrationBuilder.CreateIndex("IX_Addresses_MunicipalityId_Street_PostalCode", "Addresses", ["MunicipalityId", "Street", "PostalCode"]);
        migrationBuilder.CreateIndex("IX_Addresses_PropertyOwnerId", "Addresses", "PropertyOwnerId");
        migrationBuilder.CreateIndex("IX_Employees_MunicipalityId_LastName_FirstName", "Employees", ["MunicipalityId", "LastName", "FirstName"]);
        migrationBuilder.CreateIndex("IX_Employees_ProviderId", "Employees", "ProviderId");
        migrationBuilder.CreateIndex("IX_Units_MunicipalityId", "Units", "MunicipalityId");
        migrationBuilder.CreateIndex("IX_Units_ProviderId", "Units", "ProviderId");
        migrationBuilder.CreateIndex("IX_Entrances_AddressId", "Entrances", "AddressId");
        migrationBuilder.CreateIndex("IX_EmployeeUnit_UnitId", "EmployeeUnit", "UnitId");
        migrationBuilder.CreateIndex("IX_Households_AddressId", "Households", "AddressId");
        migrationBuilder.CreateIndex("IX_Households_EntranceId", "Households", "EntranceId");
        migrationBuilder.CreateIndex("IX_Clients_HouseholdId", "Clients", "HouseholdId");
        migrationBuilder.CreateIndex("IX_Clients_MunicipalityId_LastName_FirstName", "Clients", ["MunicipalityId", "LastName", "FirstName"]);
        migrationBuilder.CreateIndex("IX_Clients_MunicipalityId_PersonalIdentityNumber", "Clients", ["MunicipalityId", "PersonalIdentityNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_CareServices_ClientId", "CareServices", "ClientId");
        migrationBuilder.CreateIndex("IX_CareServices_UnitId", "CareServices", "UnitId");
    }
}
