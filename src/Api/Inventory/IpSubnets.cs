using System.Data;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory;

/// <summary>"Which subnet contains this address", for many addresses in one round trip.</summary>
internal static class IpSubnets
{
    /// <summary>
    /// Subnets nest (a /24 inside a /16), so the innermost one holding a key is the one with the
    /// greatest start at or below it that also ends at or after it. Reading only the few nearest
    /// starts keeps an address that no subnet holds from scanning the whole index backwards.
    /// </summary>
    public const int Candidates = 8;

    private const int KeysPerQuery = 100;

    public static async Task<Dictionary<string, SubnetRange>> InnermostAsync(CmdbDbContext db, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SubnetRange>(StringComparer.Ordinal);
        if (keys.Count == 0)
            return found;
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in keys.Chunk(KeysPerQuery))
        {
            await using var command = connection.CreateCommand();
            var parts = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@k{i}";
                parameter.Value = chunk[i];
                command.Parameters.Add(parameter);
                parts.Add($"SELECT * FROM (SELECT {i} AS k, resource_id, start_key, end_key, cidr FROM inventory_subnet_ranges " +
                          $"WHERE start_key <= @k{i} ORDER BY start_key DESC LIMIT {Candidates}) s{i}");
            }
            command.CommandText = string.Join(" UNION ALL ", parts);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = chunk[Convert.ToInt32(reader.GetValue(0))];
                var end = reader.GetString(3);
                var start = reader.GetString(2);
                // UNION ALL keeps no order: of the candidates that reach the key, the greatest start is innermost.
                if (string.CompareOrdinal(end, key) < 0 || (found.TryGetValue(key, out var known) && string.CompareOrdinal(known.StartKey, start) >= 0))
                    continue;
                found[key] = new SubnetRange { ResourceId = reader.GetInt64(1), StartKey = start, EndKey = end, Cidr = reader.GetString(4) };
            }
        }
        return found;
    }
}
