using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cmdb.Domain.Persistence.Migrations.MySql
{
    /// <inheritdoc />
    public partial class StoreGroupingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_do",
                table: "stores",
                columns: new[] { "cluster_id", "do" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_cluster_id_ownership_node_count",
                table: "stores",
                columns: new[] { "cluster_id", "ownership", "node_count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stores_cluster_id_do",
                table: "stores");

            migrationBuilder.DropIndex(
                name: "ix_stores_cluster_id_ownership_node_count",
                table: "stores");
        }
    }
}
