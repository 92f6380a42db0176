using System.Data.Common;
using Cmdb.Domain.Engine;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Workflows.Persistence;

/// <summary>
/// Reads one workflow row with a plain parameterised SELECT on the context's connection. The
/// engine loads an instance before every step; EF's materialisation cost more CPU than the query.
/// </summary>
internal static class WorkflowRowReader
{
    private const string Sql = """
        SELECT id, definition_id, version, description, reference, status, next_execution, data,
               execution_pointers, create_time, complete_time, revision
        FROM wf_workflows WHERE id = @id
        """;

    public static async Task<WorkflowRecord?> ReadAsync(CmdbDbContext db, string id, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Map(reader) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static WorkflowRecord Map(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        DefinitionId = row.GetString(1),
        Version = row.GetInt32(2),
        Description = row.IsDBNull(3) ? null : row.GetString(3),
        Reference = row.IsDBNull(4) ? null : row.GetString(4),
        Status = row.GetInt32(5),
        NextExecution = row.IsDBNull(6) ? null : row.GetInt64(6),
        Data = row.IsDBNull(7) ? null : row.GetString(7),
        ExecutionPointers = row.GetString(8),
        CreateTime = DateTime.SpecifyKind(row.GetDateTime(9), DateTimeKind.Utc),
        CompleteTime = row.IsDBNull(10) ? null : DateTime.SpecifyKind(row.GetDateTime(10), DateTimeKind.Utc),
        Revision = row.GetInt64(11),
    };
}
