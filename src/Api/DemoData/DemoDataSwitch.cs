using Cmdb.Domain.Persistence;

namespace Cmdb.Api.DemoData;

/// <summary>Synthetic demo data: on by default with SQLite (the embedded default), off with MySQL (<c>DemoData:Enabled</c>).</summary>
internal static class DemoDataSwitch
{
    public static bool IsOn(IConfiguration configuration, DatabaseOptions database) =>
        configuration.GetValue("DemoData:Enabled", database.Provider == DatabaseProvider.Sqlite);
}
