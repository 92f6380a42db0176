using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

/// <summary>Names every column, key and index in snake_case so SQL reads the same on both providers.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
                continue;

            // Columns of an owned type share the owner's table: prefix them with the navigation (task_key, incident_step_id).
            var ownership = entity.FindOwnership();
            var prefix = ownership?.PrincipalToDependent is { } navigation ? ToSnakeCase(navigation.Name) + "_" : "";
            foreach (var property in entity.GetProperties())
            {
                if (ownership is not null && property.IsPrimaryKey())
                    continue;
                property.SetColumnName(prefix + ToSnakeCase(property.Name));
            }
            foreach (var key in entity.GetKeys())
                key.SetName(key.IsPrimaryKey() ? $"pk_{table}" : $"ak_{table}_{Columns(key.Properties)}");
            foreach (var foreignKey in entity.GetForeignKeys())
                foreignKey.SetConstraintName($"fk_{table}_{Columns(foreignKey.Properties)}");
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName($"ix_{table}_{Columns(index.Properties)}");
        }
    }

    private static string Columns(IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => ToSnakeCase(p.Name)));

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var startsWord = i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (startsWord)
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
