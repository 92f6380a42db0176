using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReleasePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "release_merges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    stage_order = table.Column<int>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    commit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reverts = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    conflict_paths = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_merges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "release_plans",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    temp_branch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    base_commit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    validated_blob = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    rolled_back = table.Column<bool>(type: "INTEGER", nullable: false),
                    levelled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_plans", x => x.ticket_id);
                });

            migrationBuilder.CreateTable(
                name: "release_stages",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    targets_json = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    stores_json = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_stages", x => new { x.ticket_id, x.order });
                });

            migrationBuilder.CreateIndex(
                name: "ix_release_merges_ticket_id_stage_order",
                table: "release_merges",
                columns: new[] { "ticket_id", "stage_order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "release_merges");

            migrationBuilder.DropTable(
                name: "release_plans");

            migrationBuilder.DropTable(
                name: "release_stages");
        }
    }
}
