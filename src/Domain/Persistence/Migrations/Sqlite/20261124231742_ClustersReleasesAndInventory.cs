using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClustersReleasesAndInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "versions_issued",
                table: "flows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

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
                name: "flow_removed_versions",
                columns: table => new
                {
                    flow_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    removed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flow_removed_versions", x => new { x.flow_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "inventory_ip_index",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resource_id = table.Column<long>(type: "INTEGER", nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_ip_index", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_relations",
                columns: table => new
                {
                    source_id = table.Column<long>(type: "INTEGER", nullable: false),
                    target_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    target_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    data_version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_relations", x => new { x.source_id, x.target_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "inventory_resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    resource_uid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cloud = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    subscription = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    data_center = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    env = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    system = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    module = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tags = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    attributes_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_resources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_subnet_ranges",
                columns: table => new
                {
                    resource_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_key = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    end_key = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    cidr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_subnet_ranges", x => x.resource_id);
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
                name: "ix_inventory_ip_index_key",
                table: "inventory_ip_index",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_ip_index_resource_id",
                table: "inventory_ip_index",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_relations_target_id",
                table: "inventory_relations",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_name",
                table: "inventory_resources",
                columns: new[] { "type", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_resources_type_resource_uid",
                table: "inventory_resources",
                columns: new[] { "type", "resource_uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_subnet_ranges_start_key_end_key",
                table: "inventory_subnet_ranges",
                columns: new[] { "start_key", "end_key" });

            migrationBuilder.CreateIndex(
                name: "ix_release_merges_ticket_id_stage_order",
                table: "release_merges",
                columns: new[] { "ticket_id", "stage_order" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_do",
                table: "stores",
                columns: new[] { "cluster_id", "do" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_market",
                table: "stores",
                columns: new[] { "cluster_id", "market" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_ownership_node_count",
                table: "stores",
                columns: new[] { "cluster_id", "ownership", "node_count" });

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
                name: "flow_removed_versions");

            migrationBuilder.DropTable(
                name: "inventory_ip_index");

            migrationBuilder.DropTable(
                name: "inventory_relations");

            migrationBuilder.DropTable(
                name: "inventory_resources");

            migrationBuilder.DropTable(
                name: "inventory_subnet_ranges");

            migrationBuilder.DropTable(
                name: "local_dns_records");

            migrationBuilder.DropTable(
                name: "local_rancher_clusters");

            migrationBuilder.DropTable(
                name: "release_merges");

            migrationBuilder.DropTable(
                name: "release_plans");

            migrationBuilder.DropTable(
                name: "release_stages");

            migrationBuilder.DropTable(
                name: "stores");

            migrationBuilder.DropColumn(
                name: "versions_issued",
                table: "flows");
        }
    }
}
