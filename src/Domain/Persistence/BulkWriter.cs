using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cmdb.Domain.Persistence;

/// <summary>
/// Multi-row INSERT (and upsert by primary key) of entities, columns taken from the EF model,
/// inside the context's current transaction. EF Core's SaveChanges sends one statement per row
/// and reads back every generated key; a sync writing 100,000 rows needs hundreds of rows per
/// round trip instead. Nothing is tracked: the caller reads generated keys back itself.
/// </summary>
public sealed class BulkWriter(CmdbDbContext db)
{
    // Both providers accept far more parameters than this per statement (MySQL 65,535, SQLite 32,766).
    private const int MaxParameters = 20_000;
    private const int MaxRows = 1_000;

    private bool IsMySql => db.Database.ProviderName?.Contains("MySql", StringComparison.Ordinal) == true;

    /// <summary>Inserts the rows; store-generated keys are left to the database.</summary>
    public Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteAsync(rows, upsert: false, cancellationToken);

    /// <summary>Writes whole rows by their primary key: a row that exists is overwritten column by column.</summary>
    public Task UpsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class =>
        WriteAsync(rows, upsert: true, cancellationToken);

    private async Task WriteAsync<T>(IReadOnlyCollection<T> rows, bool upsert, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        var columns = entity.GetProperties()
            .Where(p => upsert || !(p.ValueGenerated == ValueGenerated.OnAdd && key.Contains(p)))
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetTypeMapping().Converter))
            .ToList();
        var prefix = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ";
        var suffix = upsert ? UpsertClause(columns, key.Select(p => p.GetColumnName(table)!).ToList()) : "";

        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var perStatement = Math.Max(1, Math.Min(MaxRows, MaxParameters / columns.Count));
        foreach (var chunk in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(prefix);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(Parameter(command, name, columns[c].Value(chunk[r])));
                }
                sql.Append(')');
            }
            command.CommandText = sql.Append(suffix).ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string UpsertClause(List<Column> columns, List<string> key)
    {
        var updated = columns.Where(c => !key.Contains(c.Name)).Select(c => Quote(c.Name)).ToList();
        return IsMySql
            ? " ON DUPLICATE KEY UPDATE " + string.Join(", ", updated.Select(c => $"{c} = VALUES({c})"))
            : $" ON CONFLICT ({string.Join(", ", key.Select(Quote))}) DO UPDATE SET " + string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"));
    }

    private string Quote(string name) => IsMySql ? $"`{name}`" : $"\"{name}\"";

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    private sealed record Column(IProperty Property, string Name, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        public object? Value(object row)
        {
            var value = Property.PropertyInfo!.GetValue(row);
            return value is not null && Converter is not null ? Converter.ConvertToProvider(value) : value;
        }
    }
}
