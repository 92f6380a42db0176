using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClustersAndStores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "capacity_reservations",
                columns: table => new
                {
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cluster_id = table.Column<long>(type: "INTEGER", nullable: false),
                    nodes = table.Column<int>(type: "INTEGER", nullable: false),
                    reserved_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capacity_reservations", x => new { x.ticket_id, x.cluster_id });
                });

            migrationBuilder.CreateTable(
                name: "clusters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    env = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ingress_ip = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    k8s_ip = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ob_ip = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ob_vip = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ob_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    rancher_cluster_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    k8s_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    lb_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tags_json = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_by_ticket = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    capacity_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clusters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_dns_records",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    addresses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ttl = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_dns_records", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "local_rancher_clusters",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    api_endpoint = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_rancher_clusters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stores",
                columns: table => new
                {
                    store_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    node_count = table.Column<int>(type: "INTEGER", nullable: false),
                    province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    market = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    @do = table.Column<string>(name: "do", type: "TEXT", maxLength: 100, nullable: true),
                    ownership = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    open_status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.store_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_capacity_reservations_cluster_id",
                table: "capacity_reservations",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_created_at",
                table: "clusters",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_env_location",
                table: "clusters",
                columns: new[] { "env", "location" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_name",
                table: "clusters",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_market",
                table: "stores",
                columns: new[] { "cluster_id", "market" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_do",
                table: "stores",
                column: "do");

            migrationBuilder.CreateIndex(
                name: "ix_stores_market",
                table: "stores",
                column: "market");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_reservations");

            migrationBuilder.DropTable(
                name: "clusters");

            migrationBuilder.DropTable(
                name: "local_dns_records");

            migrationBuilder.DropTable(
                name: "local_rancher_clusters");

            migrationBuilder.DropTable(
                name: "stores");
        }
    }
}
