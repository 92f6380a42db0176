using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FlowsAndTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dedup_key",
                table: "notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "flows",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    draft_json = table.Column<string>(type: "TEXT", nullable: true),
                    draft_updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    draft_updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    latest_version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flows", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "store_servers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    store_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    store_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hostname = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    env = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    puppet_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_servers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    flow_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    flow_version = table.Column<int>(type: "INTEGER", nullable: false),
                    flow_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requester = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    form_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    form_json = table.Column<string>(type: "TEXT", nullable: false),
                    env = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    current_step_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    current_step_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    task_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    task_step_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    task_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    task_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    task_role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    task_users = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    task_requester = table.Column<bool>(type: "INTEGER", nullable: true),
                    task_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    task_due_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolved_task_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    resolved_task_action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    incident_step_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    incident_step_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    incident_error = table.Column<string>(type: "TEXT", nullable: true),
                    incident_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    workflow_instance_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    row_version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flow_versions",
                columns: table => new
                {
                    flow_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    checksum = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flow_versions", x => new { x.flow_id, x.version });
                    table.ForeignKey(
                        name: "fk_flow_versions_flow_id",
                        column: x => x.flow_id,
                        principalTable: "flows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_claims",
                columns: table => new
                {
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    resource_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_claims", x => new { x.resource_type, x.resource_key });
                    table.ForeignKey(
                        name: "fk_resource_claims_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    step_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    step_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    dedup_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_events_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dedup_key",
                table: "notifications",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resource_claims_ticket_id",
                table: "resource_claims",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_store_servers_env_hostname",
                table: "store_servers",
                columns: new[] { "env", "hostname" });

            migrationBuilder.CreateIndex(
                name: "ix_store_servers_group_hostname",
                table: "store_servers",
                columns: new[] { "group", "hostname" });

            migrationBuilder.CreateIndex(
                name: "ix_store_servers_hostname",
                table: "store_servers",
                column: "hostname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_store_servers_store_id_hostname",
                table: "store_servers",
                columns: new[] { "store_id", "hostname" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_events_dedup_key",
                table: "ticket_events",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_events_ticket_id_time",
                table: "ticket_events",
                columns: new[] { "ticket_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_flow_id_created_at",
                table: "tickets",
                columns: new[] { "flow_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_requester_created_at",
                table: "tickets",
                columns: new[] { "requester", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_requester_idempotency_key",
                table: "tickets",
                columns: new[] { "requester", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_status_created_at",
                table: "tickets",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_workflow_instance_id",
                table: "tickets",
                column: "workflow_instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flow_versions");

            migrationBuilder.DropTable(
                name: "resource_claims");

            migrationBuilder.DropTable(
                name: "store_servers");

            migrationBuilder.DropTable(
                name: "ticket_events");

            migrationBuilder.DropTable(
                name: "flows");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_notifications_dedup_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "dedup_key",
                table: "notifications");
        }
    }
}
