namespace Cmdb.Domain.Inventory.Demo;

/// <summary>The synthetic vocabulary: systems, modules and products of a retail chain, user ids, statuses.</summary>
internal static class DemoNames
{
    public static readonly string[] Systems = ["pos", "erp", "wms", "crm", "bi", "edge", "mdm", "oms", "member", "pay"];
    public static readonly string[] Modules = ["api", "web", "db", "cache", "mq", "job", "gw", "auth"];
    public static readonly string[] Products = ["retail", "supply", "finance", "ops", "member", "ecommerce"];
    public static readonly (string Item, int Weight)[] Envs = [("prod", 55), ("uat", 14), ("test", 14), ("dev", 14), ("Prod", 3)];
    public static readonly string[] Zones = ["retail.example.test", "pos.example.test", "corp.example.test"];

    /// <summary>Running things: mostly running, in English or Chinese, a few stopped, starting or broken.</summary>
    public static readonly (string Item, int Weight)[] RunningStatuses =
        [("running", 78), ("运行中", 6), ("stopped", 7), ("已关机", 4), ("starting", 1), ("stopping", 1), ("error", 1), ("异常", 1), ("", 1)];

    /// <summary>Things that do not run (networks, records, projects).</summary>
    public static readonly (string Item, int Weight)[] PassiveStatuses = [("available", 90), ("可用", 6), ("pending", 2), ("", 2)];

    /// <summary>A synthetic user id (never a real name).</summary>
    public static string User(DemoRandom random) => $"u{1000 + random.Next(9000)}";

    public static string Tags(DemoRandom random, string system, string module, string owner)
    {
        var roll = random.Next(100);
        var product = random.Pick(Products);
        return roll switch
        {
            < 4 => "",
            < 8 => $"owner={owner};system={system}",
            < 14 => $"owner:{owner},system:{system}",
            _ => $"owner:{owner},system:{system},module:{module},product:{product}",
        };
    }
}
