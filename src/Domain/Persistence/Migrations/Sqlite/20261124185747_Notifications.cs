using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    recipient_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recipient_role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ticket_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_reads",
                columns: table => new
                {
                    notification_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_reads", x => new { x.notification_id, x.user_name });
                    table.ForeignKey(
                        name: "fk_notification_reads_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_role_created_at",
                table: "notifications",
                columns: new[] { "recipient_role", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_created_at",
                table: "notifications",
                columns: new[] { "recipient_user", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_status_next_attempt_at",
                table: "notifications",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_ticket_id",
                table: "notifications",
                column: "ticket_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_reads");

            migrationBuilder.DropTable(
                name: "notifications");
        }
    }
}
