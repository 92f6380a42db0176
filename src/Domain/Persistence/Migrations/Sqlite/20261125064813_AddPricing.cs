using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPricing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "price_book_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    vendor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    item_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    component = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    as_of = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_book_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_strategies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    env = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    host_env = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cloud = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_strategies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_price_book_entries_vendor_region_kind_item_key_component",
                table: "price_book_entries",
                columns: new[] { "vendor", "region", "kind", "item_key", "component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pricing_strategies_resource_type_env_host_env_cloud",
                table: "pricing_strategies",
                columns: new[] { "resource_type", "env", "host_env", "cloud" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "price_book_entries");

            migrationBuilder.DropTable(
                name: "pricing_strategies");
        }
    }
}
