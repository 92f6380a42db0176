using System.Data.Common;
using System.Globalization;
using Cmdb.Domain.Inventory;

namespace Cmdb.Api.Inventory.Lists;

/// <summary>
/// Builds the WHERE, ORDER BY and keyset clauses of inventory lists for MySQL/MariaDB or SQLite.
/// Identifiers come only from the type catalogue (never from the request); every value is a
/// parameter, so a filter or search text is always plain text to the database.
/// </summary>
public sealed class InventorySql(bool mySql, bool mariaDb = false)
{
    /// <summary>
    /// The start of a page query. With two equality filters MySQL and MariaDB intersect two
    /// indexes and then sort every match; one filter's index scanned backwards is already in id
    /// order and stops at the page's end (1,000,000 resources: ~0.8 s against ~0.1 s). MariaDB
    /// ignores MySQL's optimizer hints and takes a statement-scoped setting instead.
    /// </summary>
    public string SelectPage => !mySql ? "SELECT "
        : mariaDb ? "SET STATEMENT optimizer_switch='index_merge_intersection=off' FOR SELECT "
        : "SELECT /*+ NO_INDEX_MERGE(r) */ ";

    public const string Table = "inventory_resources";

    public const string Columns = "r.`id`, r.`type`, r.`resource_uid`, r.`name`, r.`cloud`, r.`account`, r.`subscription`, r.`data_center`, r.`env`, " +
        "r.`owner`, r.`system`, r.`module`, r.`product`, r.`tags`, r.`status`, r.`created_at`, r.`updated_at`, r.`attributes_json`";

    private static readonly string[] NeverNull = ["id", "name", "resourceUid", "cloud", "createdAt", "updatedAt"];

    public bool MySql => mySql;

    /// <summary>The field's value as text (a scalar) or, for lists, the JSON array text.</summary>
    public string Value(InventoryField field) => field.IsCommon
        ? $"r.`{field.Column}`"
        : mySql ? $"JSON_VALUE(r.`attributes_json`, '$.{field.Name}')" : $"CAST(json_extract(r.`attributes_json`, '$.{field.Name}') AS TEXT)";

    private static string RawJson(InventoryField field, bool mySql) =>
        mySql ? $"JSON_EXTRACT(r.`attributes_json`, '$.{field.Name}')" : $"json_extract(r.`attributes_json`, '$.{field.Name}')";

    /// <summary>The expression lists sort and page by (nullable text sorts as empty text so keyset comparisons hold).</summary>
    public string SortValue(InventoryField field) => NeverNull.Contains(field.Name) ? Value(field) : $"COALESCE({Value(field)}, '')";

    public sealed class Where(InventorySql sql, DbCommand command)
    {
        private readonly List<string> _clauses = [];

        public string Text => _clauses.Count == 0 ? "" : " AND " + string.Join(" AND ", _clauses);

        public string Parameter(object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            return parameter.ParameterName;
        }

        public Where Add(string clause)
        {
            _clauses.Add(clause);
            return this;
        }

        public Where Filter(InventoryFilter filter, string? exceptField = null)
        {
            foreach (var condition in filter.Conditions.Where(c => c.Field.Name != exceptField))
                Add(sql.Condition(this, condition));
            if (filter.Text is { } text)
            {
                var like = Parameter(InventoryFilter.LikePattern(text));
                Add($"(LOWER(r.`name`) LIKE {like} ESCAPE '!' OR LOWER(r.`resource_uid`) LIKE {like} ESCAPE '!' " +
                    $"OR LOWER(r.`owner`) LIKE {like} ESCAPE '!' OR LOWER(r.`attributes_json`) LIKE {like} ESCAPE '!')");
            }
            if (filter.Owner is { } owner)
                Add($"r.`owner` = {Parameter(owner)}");
            return this;
        }
    }

    private string Condition(Where where, FieldCondition condition)
    {
        var field = condition.Field;
        switch (condition.Match)
        {
            case MatchKind.Empty:
                var empty = field.IsCommon
                    ? (NeverNull.Contains(field.Name) ? "1 = 0" : $"({Value(field)} IS NULL OR {Value(field)} = '')")
                    : $"{RawJson(field, mySql)} IS NULL";
                return condition.Values[0] == "true" ? empty : $"NOT ({empty})";
            case MatchKind.Like:
                if (field.Kind is not (FieldKind.Text or FieldKind.List))
                    throw InventoryFilter.Invalid(field.Name + ":like", $"'{field.Name}' is not text; filter it with {field.Name}=value.");
                if (condition.Values.Count == 0)
                    return "1 = 1";
                var target = field.Kind == FieldKind.List ? RawJson(field, mySql) : Value(field);
                return "(" + string.Join(" OR ", condition.Values.Select(v => $"LOWER({target}) LIKE {where.Parameter(InventoryFilter.LikePattern(v))} ESCAPE '!'")) + ")";
            default:
                if (condition.Values.Count == 0)
                    return "1 = 0";
                return "(" + string.Join(" OR ", condition.Values.Select(v => Equal(where, field, v))) + ")";
        }
    }

    private string Equal(Where where, InventoryField field, string value)
    {
        if (field.Kind == FieldKind.List)
        {
            var item = where.Parameter(value);
            return mySql
                ? $"JSON_CONTAINS(r.`attributes_json`, JSON_QUOTE({item}), '$.{field.Name}')"
                : $"EXISTS (SELECT 1 FROM json_each(r.`attributes_json`, '$.{field.Name}') WHERE value = {item})";
        }
        if (field.IsCommon && field.Kind == FieldKind.Integer)
            return long.TryParse(value, out var number)
                ? $"{Value(field)} = {where.Parameter(number)}"
                : throw InventoryFilter.Invalid(field.Name, $"'{field.Name}' is a whole number.");
        if (field.IsCommon && field.Kind == FieldKind.DateTime)
        {
            if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment))
                throw InventoryFilter.Invalid(field.Name, $"'{field.Name}' is a date such as 2026-01-31.");
            // A bare date matches that whole (UTC) day.
            var end = value.Trim().Length <= 10 ? moment.AddDays(1) : moment.AddSeconds(1);
            return $"({Value(field)} >= {where.Parameter(moment)} AND {Value(field)} < {where.Parameter(end)})";
        }
        return $"{Value(field)} = {where.Parameter(value)}";
    }

    /// <summary>ORDER BY of a list: the sort field, then the id in the same direction, so equal values page stably.</summary>
    public string OrderBy(InventoryFilter filter)
    {
        var direction = filter.Descending ? "DESC" : "ASC";
        return filter.SortField.Name == "id" ? $" ORDER BY r.`id` {direction}" : $" ORDER BY {SortValue(filter.SortField)} {direction}, r.`id` {direction}";
    }

    /// <summary>The keyset condition: rows strictly after the cursor in the list's order.</summary>
    public string After(Where where, InventoryFilter filter, InventoryCursor cursor)
    {
        var op = filter.Descending ? "<" : ">";
        var id = where.Parameter(cursor.Id);
        if (filter.SortField.Name == "id")
            return $"r.`id` {op} {id}";
        var sort = SortValue(filter.SortField);
        object? value = cursor.Value ?? "";
        if (filter.SortField.Kind == FieldKind.DateTime && DateTime.TryParse(cursor.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
            value = moment;
        var v1 = where.Parameter(value);
        var v2 = where.Parameter(value);
        return $"({sort} {op} {v1} OR ({sort} = {v2} AND r.`id` {op} {id}))";
    }
}
