using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class InventorySyncsAndJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "attributes_json",
                table: "inventory_resources",
                type: "mediumtext",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text")
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                table: "inventory_resources",
                type: "char(32)",
                fixedLength: true,
                maxLength: 32,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<long>(
                name: "data_version",
                table: "inventory_resources",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "inventory_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    resource_id = table.Column<long>(type: "bigint", nullable: false),
                    resource_type = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    resource_uid = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    resource_name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    action = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    changes_json = table.Column<string>(type: "mediumtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    source = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    at = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_changes", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "inventory_sync_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    scope = table.Column<string>(type: "varchar(48)", maxLength: 48, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    action = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    key = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    payload_json = table.Column<string>(type: "mediumtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_sync_changes", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "inventory_sync_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    sync_name = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    connector = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    trigger = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    started_by = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    status = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    scopes = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    summary_json = table.Column<string>(type: "mediumtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    change_count = table.Column<int>(type: "int", nullable: false),
                    problem = table.Column<string>(type: "varchar(1000)", maxLength: 1000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    started_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    finished_at = table.Column<DateTime>(type: "datetime(6)", nullable: true),
                    reviewed_by = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    reviewed_at = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_sync_runs", x => x.id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_cloud",
                table: "inventory_resources",
                columns: new[] { "type", "cloud" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_id",
                table: "inventory_resources",
                columns: new[] { "type", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_owner",
                table: "inventory_resources",
                columns: new[] { "type", "owner" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_status",
                table: "inventory_resources",
                columns: new[] { "type", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_relations_kind_source_id",
                table: "inventory_relations",
                columns: new[] { "kind", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_changes_resource_id_id",
                table: "inventory_changes",
                columns: new[] { "resource_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_sync_changes_run_id_id",
                table: "inventory_sync_changes",
                columns: new[] { "run_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_sync_runs_status",
                table: "inventory_sync_runs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_sync_runs_sync_name_id",
                table: "inventory_sync_runs",
                columns: new[] { "sync_name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_changes");

            migrationBuilder.DropTable(
                name: "inventory_sync_changes");

            migrationBuilder.DropTable(
                name: "inventory_sync_runs");

            migrationBuilder.DropIndex(
                name: "ix_inventory_resources_type_cloud",
                table: "inventory_resources");

            migrationBuilder.DropIndex(
                name: "ix_inventory_resources_type_id",
                table: "inventory_resources");

            migrationBuilder.DropIndex(
                name: "ix_inventory_resources_type_owner",
                table: "inventory_resources");

            migrationBuilder.DropIndex(
                name: "ix_inventory_resources_type_status",
                table: "inventory_resources");

            migrationBuilder.DropIndex(
                name: "ix_inventory_relations_kind_source_id",
                table: "inventory_relations");

            migrationBuilder.DropColumn(
                name: "content_hash",
                table: "inventory_resources");

            migrationBuilder.DropColumn(
                name: "data_version",
                table: "inventory_resources");

            migrationBuilder.AlterColumn<string>(
                name: "attributes_json",
                table: "inventory_resources",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "mediumtext")
                .Annotation("MySql:CharSet", "utf8mb4")
                .OldAnnotation("MySql:CharSet", "utf8mb4");
        }
    }
}
