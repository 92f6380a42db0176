using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory.Lists;

public sealed record InventoryPage(string Type, IReadOnlyList<JsonObject> Items, int PageSize, int? Page, long? Total, string? NextCursor);

public sealed record OptionCount(string? Value, long Count);

/// <summary>Lists, filter options and export rows of one resource type, straight SQL over the resource table.</summary>
public sealed class InventoryReader(IDbContextFactory<CmdbDbContext> contexts, DatabaseOptions database)
{
    public const int MaxOptions = 200;

    private InventorySql Sql { get; } = new(database.Provider == DatabaseProvider.MySql,
        database.ServerVersion.Contains("mariadb", StringComparison.OrdinalIgnoreCase));

    public async Task<InventoryPage> ListAsync(InventoryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await OpenAsync(db, cancellationToken);
        long? total = null;
        if (filter.Count)
        {
            await using var count = connection.CreateCommand();
            var where = new InventorySql.Where(Sql, count).Filter(filter);
            count.CommandText = $"SELECT COUNT(*) FROM {InventorySql.Table} r WHERE r.`type` = {where.Parameter(filter.Type.Key)}{where.Text}";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
        }

        await using var command = connection.CreateCommand();
        var conditions = new InventorySql.Where(Sql, command).Filter(filter);
        if (filter.Cursor is { } cursor)
            conditions.Add(Sql.After(conditions, filter, cursor));
        var type = conditions.Parameter(filter.Type.Key);
        var offset = filter.Cursor is null ? (long)(filter.Page - 1) * filter.PageSize : 0;
        command.CommandText = $"{Sql.SelectPage}{InventorySql.Columns} FROM {InventorySql.Table} r WHERE r.`type` = {type}{conditions.Text}" +
            $"{Sql.OrderBy(filter)} LIMIT {filter.PageSize + 1} OFFSET {offset}";
        var rows = new List<InventoryRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(InventoryRow.Read(reader));
        var more = rows.Count > filter.PageSize;
        var page = rows.Take(filter.PageSize).ToList();
        var next = more ? new InventoryCursor(page[^1].CursorValue(filter.SortField), page[^1].Id).Encode() : null;
        return new InventoryPage(filter.Type.Key, page.Select(r => r.ToJson(filter.Fields)).ToList(), filter.PageSize,
            filter.Cursor is null ? filter.Page : null, total, next);
    }

    /// <summary>Distinct values of a field with counts, under every other filter of the request (so boxes narrow each other).</summary>
    public async Task<IReadOnlyList<OptionCount>> OptionsAsync(InventoryFilter filter, InventoryField field, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new InventorySql.Where(Sql, command).Filter(filter, exceptField: field.Name);
        var type = where.Parameter(filter.Type.Key);
        string from = $"{InventorySql.Table} r", value;
        if (field.Kind == FieldKind.List)
        {
            from += Sql.MySql
                ? $", JSON_TABLE(r.`attributes_json`, '$.{field.Name}[*]' COLUMNS (item VARCHAR(255) PATH '$')) j"
                : $", json_each(r.`attributes_json`, '$.{field.Name}') j";
            value = Sql.MySql ? "j.item" : "j.value";
        }
        else
            value = Sql.Value(field);
        command.CommandText = $"SELECT {value} AS v, COUNT(*) AS c FROM {from} WHERE r.`type` = {type}{where.Text} " +
            $"GROUP BY {value} ORDER BY c DESC, v LIMIT {MaxOptions}";
        var options = new List<OptionCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            options.Add(new OptionCount(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(1))));
        return options;
    }

    /// <summary>Every row matching the filter, in list order, read one at a time (exports of any size in constant memory).</summary>
    public async IAsyncEnumerable<InventoryRow> StreamAsync(InventoryFilter filter, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new InventorySql.Where(Sql, command).Filter(filter);
        var type = where.Parameter(filter.Type.Key);
        command.CommandText = $"{Sql.SelectPage}{InventorySql.Columns} FROM {InventorySql.Table} r WHERE r.`type` = {type}{where.Text}{Sql.OrderBy(filter)} LIMIT {limit}";
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return InventoryRow.Read(reader);
    }

    private static async Task<DbConnection> OpenAsync(CmdbDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        return connection;
    }
}
