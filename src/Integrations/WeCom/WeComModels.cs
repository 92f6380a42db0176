using System.Text.Json.Serialization;

namespace Cmdb.Integrations.WeCom;

public sealed record WeComMessage(
    [property: JsonPropertyName("msgtype")] string MessageType,
    [property: JsonPropertyName("markdown")] WeComMarkdown Markdown)
{
    public static WeComMessage FromMarkdown(string content) => new("markdown", new WeComMarkdown(content));
}

public sealed record WeComMarkdown([property: JsonPropertyName("content")] string Content);

public sealed record WeComSendResult(
    [property: JsonPropertyName("errcode")] int ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage);
