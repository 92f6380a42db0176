using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_logs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    route_template = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    client_ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    request_arguments = table.Column<string>(type: "TEXT", nullable: true),
                    request_truncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    response_body = table.Column<string>(type: "TEXT", nullable: true),
                    response_truncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    user_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    nickname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    duration_ms = table.Column<double>(type: "REAL", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_logs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_module_time",
                table: "audit_logs",
                columns: new[] { "module", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_operation_time",
                table: "audit_logs",
                columns: new[] { "operation", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_scope_time",
                table: "audit_logs",
                columns: new[] { "scope", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_time",
                table: "audit_logs",
                column: "time");

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_user_key_time",
                table: "audit_logs",
                columns: new[] { "user_key", "time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_logs");
        }
    }
}
