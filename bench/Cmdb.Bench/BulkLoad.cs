using System.Data;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
using MySqlConnector;

namespace Cmdb.Bench;

/// <summary>
/// Loads a large inventory fast for the benchmark: the same normalised rows a sync would write
/// (resources, IP index, subnet ranges, relations), sent with LOAD DATA through MySqlBulkCopy
/// instead of the sync's transactional path, which the benchmark measures separately.
/// </summary>
internal static class BulkLoad
{
    private const int Batch = 20_000;

    public sealed record Counts(long Resources, long Addresses, long Relations);

    public static async Task<Counts> LoadAsync(string connectionString, IInventoryConnector source)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var ids = new Dictionary<(string Type, string Uid), long>();
        long next = 0, addresses = 0, relations = 0;
        var now = DateTime.UtcNow;
        var resources = Table("id:long", "type", "resource_uid", "name", "cloud", "account", "subscription", "data_center", "env", "owner", "system", "module",
            "product", "tags", "status", "attributes_json", "created_at:date", "updated_at:date", "content_hash", "data_version:long");
        var ips = Table("resource_id:long", "resource_type", "key", "address", "role");
        var ranges = Table("resource_id:long", "start_key", "end_key", "cidr");
        foreach (var type in InventoryTypes.All)
        {
            await foreach (var incoming in source.ReadResourcesAsync(type.Key, CancellationToken.None))
            {
                if (InventoryNormalizer.Normalize(incoming) is not { } r || !ids.TryAdd((r.Type, r.Uid), ++next))
                    continue;
                resources.Rows.Add(next, r.Type, r.Uid, r.Name, r.Cloud, r.Account, r.Subscription, r.DataCenter, r.Env, r.Owner, r.System, r.Module,
                    r.Product, r.Tags, r.Status, r.AttributesJson, r.CreatedAt ?? now, now, r.Hash, 0L);
                foreach (var a in r.Addresses)
                    ips.Rows.Add(next, r.Type, a.Key, a.Address, a.Role);
                addresses += r.Addresses.Count;
                if (r.Range is { } range)
                    ranges.Rows.Add(next, range.StartKey, range.EndKey, range.Cidr);
                if (resources.Rows.Count >= Batch)
                    await FlushAsync(connection, ("inventory_resources", resources), ("inventory_ip_index", ips), ("inventory_subnet_ranges", ranges));
            }
        }
        await FlushAsync(connection, ("inventory_resources", resources), ("inventory_ip_index", ips), ("inventory_subnet_ranges", ranges));

        var links = Table("source_id:long", "source_type", "target_id:long", "target_type", "kind", "data_version:long");
        foreach (var (kind, _, _) in InventoryTypes.RelationKinds)
        {
            var seen = new HashSet<(long, long)>();
            await foreach (var relation in source.ReadRelationsAsync(kind, CancellationToken.None))
            {
                if (!ids.TryGetValue((relation.SourceType, relation.SourceUid), out var s) || !ids.TryGetValue((relation.TargetType, relation.TargetUid), out var t) || !seen.Add((s, t)))
                    continue;
                links.Rows.Add(s, relation.SourceType, t, relation.TargetType, kind, 0L);
                relations++;
                if (links.Rows.Count >= Batch)
                    await FlushAsync(connection, ("inventory_relations", links));
            }
            await FlushAsync(connection, ("inventory_relations", links));
        }
        return new Counts(next, addresses, relations);
    }

    private static DataTable Table(params string[] columns)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            var parts = column.Split(':');
            table.Columns.Add(parts[0], parts.Length == 1 ? typeof(string) : parts[1] == "long" ? typeof(long) : typeof(DateTime));
        }
        return table;
    }

    private static async Task FlushAsync(MySqlConnection connection, params (string Name, DataTable Rows)[] tables)
    {
        foreach (var (name, rows) in tables)
        {
            if (rows.Rows.Count == 0)
                continue;
            var bulk = new MySqlBulkCopy(connection) { DestinationTableName = name, BulkCopyTimeout = 0 };
            for (var i = 0; i < rows.Columns.Count; i++)
                bulk.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, rows.Columns[i].ColumnName));
            await bulk.WriteToServerAsync(rows);
            rows.Clear();
        }
    }
}
