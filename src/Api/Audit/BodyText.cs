using System.Text;
using System.Text.Json.Nodes;

namespace Cmdb.Api.Audit;

/// <summary>Turns a captured body into what the audit log stores: redacted JSON, redacted text, or a summary of binary content.</summary>
internal sealed class BodyText(Redactor redactor, AuditOptions options)
{
    public static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.Contains("json", StringComparison.OrdinalIgnoreCase));

    public static bool IsText(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body as a JSON value for the record: redacted JSON, or a string of redacted text or a summary.</summary>
    public JsonNode? Describe(ReadOnlySpan<byte> captured, long totalBytes, string? contentType)
    {
        if (totalBytes == 0)
            return null;
        if (IsJson(contentType))
        {
            if (totalBytes > options.ParseLimitBytes)
                return $"[JSON body of {totalBytes} bytes: too large to redact, not recorded]";
            var text = Encoding.UTF8.GetString(captured);
            return redactor.TryRedactJson(text) ?? JsonValue.Create(redactor.RedactText(text));
        }
        if (IsText(contentType))
        {
            var text = Encoding.UTF8.GetString(captured);
            var suffix = totalBytes > captured.Length ? $" …[{totalBytes} bytes in all]" : "";
            return JsonValue.Create(redactor.RedactText(text) + suffix);
        }
        return $"[binary body of {totalBytes} bytes, {contentType ?? "no content type"}]";
    }

    /// <summary>Cuts serialized JSON to the byte limit, on a character boundary.</summary>
    public (string Text, bool Truncated) Cap(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= options.BodyLimitBytes)
            return (text, false);
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = options.BodyLimitBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
            cut--;
        return (Encoding.UTF8.GetString(bytes, 0, cut), true);
    }
}
