using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    event_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    is_processed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_execution_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workflow_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    execution_pointer_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: true),
                    error_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_execution_errors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_scheduled_commands",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    command_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    data = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    execute_time = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_scheduled_commands", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_subscriptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    workflow_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    step_id = table.Column<int>(type: "INTEGER", nullable: false),
                    execution_pointer_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: true),
                    event_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    event_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    subscribe_as_of = table.Column<DateTime>(type: "TEXT", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    external_token = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_worker_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_token_expiry = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_workflows",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    next_execution = table.Column<long>(type: "INTEGER", nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    execution_pointers = table.Column<string>(type: "TEXT", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    complete_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_workflows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_wf_events_is_processed_event_time",
                table: "wf_events",
                columns: new[] { "is_processed", "event_time" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_events_name_key_event_time",
                table: "wf_events",
                columns: new[] { "name", "key", "event_time" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_execution_errors_workflow_id_error_time",
                table: "wf_execution_errors",
                columns: new[] { "workflow_id", "error_time" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_scheduled_commands_command_name_data",
                table: "wf_scheduled_commands",
                columns: new[] { "command_name", "data" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wf_scheduled_commands_execute_time",
                table: "wf_scheduled_commands",
                column: "execute_time");

            migrationBuilder.CreateIndex(
                name: "ix_wf_subscriptions_event_name_event_key_subscribe_as_of",
                table: "wf_subscriptions",
                columns: new[] { "event_name", "event_key", "subscribe_as_of" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_subscriptions_workflow_id",
                table: "wf_subscriptions",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_workflows_create_time",
                table: "wf_workflows",
                column: "create_time");

            migrationBuilder.CreateIndex(
                name: "ix_wf_workflows_definition_id_version",
                table: "wf_workflows",
                columns: new[] { "definition_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_workflows_reference",
                table: "wf_workflows",
                column: "reference");

            migrationBuilder.CreateIndex(
                name: "ix_wf_workflows_status_next_execution",
                table: "wf_workflows",
                columns: new[] { "status", "next_execution" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_events");

            migrationBuilder.DropTable(
                name: "wf_execution_errors");

            migrationBuilder.DropTable(
                name: "wf_scheduled_commands");

            migrationBuilder.DropTable(
                name: "wf_subscriptions");

            migrationBuilder.DropTable(
                name: "wf_workflows");
        }
    }
}
