using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmdb.Api.Audit;

/// <summary>Replaces the values of secret-looking keys with <c>***</c> in JSON, query strings and plain text.</summary>
public sealed class Redactor
{
    public const string Mask = "***";
    private readonly string[] _keys;
    private readonly Regex _textPairs;

    public Redactor(IEnumerable<string> sensitiveKeys)
    {
        _keys = sensitiveKeys.Select(k => k.ToLowerInvariant()).ToArray();
        var names = string.Join('|', _keys.Select(Regex.Escape));
        // key=value, key: value, "key": "value" in text that is not JSON (form bodies, logs, headers).
        _textPairs = new Regex($@"(?i)([""']?[\w.-]*(?:{names})[\w.-]*[""']?\s*[:=]\s*)(""[^""]*""|'[^']*'|(?:(?:Bearer|Basic|Digest)\s+)?[^\s&,;]+)", RegexOptions.Compiled);
    }

    public bool IsSensitive(string key)
    {
        var lower = key.ToLowerInvariant();
        return _keys.Any(lower.Contains);
    }

    /// <summary>Redacts a JSON tree in place, at any depth.</summary>
    public JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    if (IsSensitive(property.Key))
                        obj[property.Key] = Mask;
                    else
                        Redact(property.Value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Redact(item);
                break;
        }
        return node;
    }

    /// <summary>Parses and redacts JSON; null when the text is not JSON.</summary>
    public JsonNode? TryRedactJson(string text)
    {
        try
        {
            return Redact(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string RedactText(string text) => _textPairs.Replace(text, m => m.Groups[1].Value + Mask);
}
