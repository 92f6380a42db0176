using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Domain.Audit;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace Cmdb.Api.Audit;

/// <summary>
/// Records every API call (审计日志): who, what, from where, with which arguments, and what came
/// back. It sits outside the exception handler so it sees the final answer, redacts secrets,
/// caps bodies, and hands the record to a queue without waiting for it to be written.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditOptions options, AuditQueue queue, Redactor redactor, ClientAddress clientAddress)
{
    private readonly BodyText _bodies = new(redactor, options);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ShouldRecord(context.Request.Path))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var time = DateTime.UtcNow;
        // Taken now: the exception handler clears the endpoint and route values before it answers.
        var endpoint = context.GetEndpoint();
        var routeValues = context.Request.RouteValues.ToDictionary(r => r.Key, r => r.Value?.ToString());
        var requestBody = await RequestBody.ReadAsync(context.Request, options, _bodies);
        var capture = new ResponseCapture(context.Response.Body, Math.Max(options.ParseLimitBytes, options.BodyLimitBytes));
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = capture.Inner;
            queue.Enqueue(Build(context, endpoint, routeValues, time, requestBody, capture, Stopwatch.GetElapsedTime(started)));
            await capture.DisposeAsync();
        }
    }

    private bool ShouldRecord(PathString path) =>
        options.Enabled
        && path.StartsWithSegments(options.RecordedPathPrefix, StringComparison.OrdinalIgnoreCase)
        && !options.ExcludedPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private AuditRecord Build(HttpContext context, Endpoint? endpoint, Dictionary<string, string?> routeValues, DateTime time,
        JsonNode? requestBody, ResponseCapture response, TimeSpan elapsed)
    {
        var metadata = endpoint?.Metadata;
        var arguments = new JsonObject
        {
            ["query"] = Redacted(context.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString())),
            ["route"] = Redacted(routeValues),
            ["body"] = requestBody,
        };
        var (argumentsText, argumentsCut) = _bodies.Cap(arguments.ToJsonString(ApiJson.Compact));
        var responseNode = _bodies.Describe(response.Captured, response.TotalBytes, context.Response.ContentType);
        var (responseText, responseCut) = responseNode is null ? (null, false) : _bodies.Cap(responseNode.ToJsonString(ApiJson.Compact));
        var userName = context.User.FindFirst(CmdbClaims.UserName)?.Value;

        return new AuditRecord
        {
            Time = time,
            Module = metadata?.GetMetadata<ITagsMetadata>()?.Tags.FirstOrDefault() ?? (endpoint is null ? "(unmatched)" : "(none)"),
            Method = context.Request.Method,
            Operation = metadata?.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            RouteTemplate = (endpoint as RouteEndpoint)?.RoutePattern.RawText,
            Url = Truncate(context.Request.Path + RedactedQuery(context.Request.Query), 2048)!,
            ClientIp = clientAddress.Resolve(context),
            RequestArguments = argumentsText,
            RequestTruncated = argumentsCut,
            Status = context.Response.StatusCode,
            Message = Truncate(Message(context.Response.StatusCode, responseNode), 1000),
            ResponseBody = responseText,
            ResponseTruncated = responseCut || response.Overflowed,
            UserName = userName,
            UserKey = userName?.ToLowerInvariant(),
            Nickname = context.User.FindFirst(CmdbClaims.DisplayName)?.Value,
            DurationMs = Math.Round(elapsed.TotalMilliseconds, 3),
            Scope = metadata?.GetMetadata<AuditScope>()?.Scope,
        };
    }

    private JsonObject Redacted(Dictionary<string, string?> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
            result[key] = redactor.IsSensitive(key) ? Redactor.Mask : value;
        return result;
    }

    private string RedactedQuery(IQueryCollection query) =>
        query.Count == 0 ? "" : QueryString.Create(query.Select(q => KeyValuePair.Create(q.Key, (string?)(redactor.IsSensitive(q.Key) ? Redactor.Mask : q.Value.ToString())))).ToString();

    /// <summary>The problem's detail or title for an error, else the reason phrase.</summary>
    private static string? Message(int status, JsonNode? body)
    {
        if (status >= 400 && body is JsonObject problem)
            return (problem["detail"] ?? problem["title"])?.ToString();
        return ReasonPhrases.GetReasonPhrase(status);
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

internal static class RequestBody
{
    /// <summary>Reads the request body (buffered, so the endpoint still reads it) into what the record keeps.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, AuditOptions options, BodyText bodies)
    {
        var declared = request.ContentLength;
        if (declared == 0 || (declared is null && !request.Headers.TransferEncoding.Any()))
            return null;
        var contentType = request.ContentType;
        if (!BodyText.IsJson(contentType) && !BodyText.IsText(contentType))
            return $"[binary body of {declared?.ToString() ?? "unknown"} bytes, {contentType ?? "no content type"}]";
        if (declared > options.ParseLimitBytes)
            return $"[body of {declared} bytes: too large to redact, not recorded]";

        request.EnableBuffering();
        var limit = options.ParseLimitBytes;
        var buffer = new byte[Math.Min(limit + 1, (int)(declared ?? limit + 1))];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted);
            if (n == 0)
                break;
            read += n;
        }
        request.Body.Position = 0;
        if (read > limit)
            return $"[body of more than {limit} bytes: too large to redact, not recorded]";
        return bodies.Describe(buffer.AsSpan(0, read), read, contentType);
    }
}
