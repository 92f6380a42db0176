namespace Cmdb.Domain.Tickets.Forms;

internal static class FormEnv
{
    public static string? Of(IEnumerable<ServerEntry> servers)
    {
        var envs = servers.Select(s => s.Env).Where(e => e.Length > 0).Distinct().Order().ToList();
        return envs.Count == 0 ? null : string.Join(",", envs);
    }

    public static bool UniqueHostnames(IEnumerable<ServerEntry> servers)
    {
        var names = servers.Select(s => s.Hostname.ToLowerInvariant()).ToList();
        return names.Distinct().Count() == names.Count;
    }
}
