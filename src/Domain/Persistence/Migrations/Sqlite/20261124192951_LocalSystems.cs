using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocalSystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "local_ldap_entries",
                columns: table => new
                {
                    dn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_ldap_entries", x => x.dn);
                });

            migrationBuilder.CreateTable(
                name: "local_puppet_certificates",
                columns: table => new
                {
                    certname = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_puppet_certificates", x => x.certname);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "local_ldap_entries");

            migrationBuilder.DropTable(
                name: "local_puppet_certificates");
        }
    }
}
