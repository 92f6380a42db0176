using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Cmdb.Integrations.Pricing;

/// <summary>Sends one price request and reads its JSON answer; a call that got no answer becomes an unavailable <see cref="VendorPriceException"/>.</summary>
internal static class VendorCall
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, HttpRequestMessage request, PriceVendor vendor,
        string action, ILogger logger, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogDebug("{Vendor} {Action} answered {StatusCode} in {ElapsedMs:0} ms",
                VendorPriceException.VendorName(vendor), action, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
            try
            {
                using var document = JsonDocument.Parse(text);
                return (response.StatusCode, document.RootElement.Clone());
            }
            catch (JsonException)
            {
                var shown = text.Length > 300 ? text[..300] + "…" : text;
                throw new VendorPriceException(vendor, action, null, $"HTTP {(int)response.StatusCode}, not JSON: {shown}",
                    unavailable: (int)response.StatusCode >= 500);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("{Vendor} {Action} got no answer after {ElapsedMs:0} ms: {Error}",
                VendorPriceException.VendorName(vendor), action, watch.Elapsed.TotalMilliseconds, ex.GetType().Name);
            throw new VendorPriceException(vendor, action, null, $"no answer ({Reason(ex)})", unavailable: true, inner: ex);
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        TimeoutRejectedException t => $"timed out after {t.Timeout.TotalSeconds:0.###} s",
        BrokenCircuitException => "too many failures in a row, not asked for a while",
        RateLimiterRejectedException => "too many requests waiting for the rate limit",
        OperationCanceledException => "timed out",
        _ => ex.GetBaseException().Message,
    };

    /// <summary>A number the vendor sent as a JSON number or as a string; null when absent.</summary>
    public static decimal? Amount(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    public static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return default;
        }
        return element;
    }

    public static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
