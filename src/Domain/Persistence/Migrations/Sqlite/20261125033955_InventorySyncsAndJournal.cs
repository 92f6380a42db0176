using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
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
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                table: "inventory_resources",
                type: "TEXT",
                fixedLength: true,
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "data_version",
                table: "inventory_resources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "inventory_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resource_id = table.Column<long>(type: "INTEGER", nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    resource_uid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    resource_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    changes_json = table.Column<string>(type: "mediumtext", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_sync_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    payload_json = table.Column<string>(type: "mediumtext", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_sync_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_sync_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sync_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    connector = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    summary_json = table.Column<string>(type: "mediumtext", nullable: false),
                    change_count = table.Column<int>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_sync_runs", x => x.id);
                });

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
                oldType: "mediumtext");
        }
    }
}
