using System.Text;

namespace Cmdb.TestSupport.Servers;

/// <summary>One entry of LDIF as <c>ldapsearch -LLL</c> prints it: folded lines and base64 (<c>attr::</c>) values understood.</summary>
public sealed class LdifEntry
{
    private readonly Dictionary<string, List<string>> _attributes = new(StringComparer.OrdinalIgnoreCase);

    public required string Dn { get; init; }

    public IReadOnlyList<string> this[string attribute] => _attributes.TryGetValue(attribute, out var values) ? values : [];

    public static IReadOnlyList<LdifEntry> Parse(string ldif)
    {
        var entries = new List<LdifEntry>();
        foreach (var block in ldif.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // A line starting with one space continues the previous one.
            var lines = block.Replace("\n ", "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
            if (lines.Count == 0)
                continue;
            var pairs = lines.Select(ParseLine).ToList();
            if (!pairs[0].Name.Equals("dn", StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"LDIF entry does not start with dn: {lines[0]}");
            var entry = new LdifEntry { Dn = pairs[0].Value };
            foreach (var (name, value) in pairs.Skip(1))
            {
                if (!entry._attributes.TryGetValue(name, out var values))
                    entry._attributes[name] = values = [];
                values.Add(value);
            }
            entries.Add(entry);
        }
        return entries;
    }

    private static (string Name, string Value) ParseLine(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
            throw new FormatException($"not an LDIF line: {line}");
        var name = line[..colon];
        var rest = line[(colon + 1)..];
        return rest.StartsWith(':')
            ? (name, Encoding.UTF8.GetString(Convert.FromBase64String(rest[1..].Trim())))
            : (name, rest.TrimStart(' '));
    }
}
