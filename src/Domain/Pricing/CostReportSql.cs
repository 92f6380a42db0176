namespace Cmdb.Domain.Pricing;

/// <summary>
/// The one query of the cost report: resources of the priced types counted per group and per
/// pricing-relevant fields, one SELECT per type (each reads only its own attributes from the
/// JSON) joined by UNION ALL. Columns: type, cloud, data_center, env, the ten fields of
/// <see cref="Fields"/>, group, count, an example name.
/// </summary>
public static class CostReportSql
{
    public static readonly IReadOnlyList<string> Fields = ["cpu", "memory", "size", "diskType", "engine", "version", "spec", "storage", "capacity", "bandwidth"];

    public static readonly IReadOnlyDictionary<string, string[]> FieldsByType = new Dictionary<string, string[]>
    {
        ["vm"] = ["cpu", "memory"],
        ["server"] = ["cpu", "memory"],
        ["disk"] = ["size", "diskType"],
        ["rds"] = ["engine", "version", "spec", "storage"],
        ["redis"] = ["capacity", "version"],
        ["load-balancer"] = ["spec"],
        ["eip"] = ["bandwidth"],
    };

    public static readonly IReadOnlyList<string> GroupBys = ["project", "owner", "cloud"];

    public static string Build(string groupBy, bool mySql)
    {
        string Json(string field) => mySql ? $"JSON_VALUE(r.`attributes_json`, '$.{field}')" : $"CAST(json_extract(r.`attributes_json`, '$.{field}') AS TEXT)";
        var group = groupBy switch
        {
            "owner" => "COALESCE(r.`owner`, '')",
            "cloud" => "r.`cloud`",
            _ => "COALESCE(pr.`project`, '')",
        };
        var join = groupBy == "project"
            ? " LEFT JOIN (SELECT rel.`target_id`, MIN(p.`name`) AS `project` FROM `inventory_relations` rel JOIN `inventory_resources` p ON p.`id` = rel.`source_id` " +
              "WHERE rel.`kind` = 'project-resource' GROUP BY rel.`target_id`) pr ON pr.`target_id` = r.`id`"
            : "";
        var selects = FieldsByType.Select(t =>
        {
            var fields = Fields.Select(f => t.Value.Contains(f) ? Json(f) : "NULL");
            var select = $"SELECT r.`type`, r.`cloud`, r.`data_center`, r.`env`, {string.Join(", ", fields)}, {group} AS `grp`, COUNT(*) AS `n`, MIN(r.`name`) AS `example` " +
                   $"FROM `inventory_resources` r{join} WHERE r.`type` = '{t.Key}' GROUP BY {string.Join(", ", Enumerable.Range(1, 4 + Fields.Count + 1))}";
            // MariaDB sorts GROUP BY results unless told not to; SQLite allows no ORDER BY (nor parentheses) inside a UNION.
            return mySql ? $"({select} ORDER BY NULL)" : select;
        });
        return string.Join(" UNION ALL ", selects);
    }
}
