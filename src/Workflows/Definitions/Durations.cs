using System.Xml;

namespace Cmdb.Workflows.Definitions;

/// <summary>ISO 8601 durations (PT30M, P1D) as definitions write them.</summary>
public static class Durations
{
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
            return null;
        try
        {
            var value = XmlConvert.ToTimeSpan(text);
            return value > TimeSpan.Zero ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not an ISO 8601 duration.");
}
