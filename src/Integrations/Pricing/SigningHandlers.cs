using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Signs each attempt of an Alibaba RPC call (it sits inside the retry, so a retry gets a fresh
/// nonce and timestamp: Alibaba refuses a nonce it has seen). The request arrives with its
/// operation parameters only; the common parameters and the signature are added here.
/// </summary>
internal sealed class AlibabaSigningHandler(IOptions<AlibabaPricingOptions> options, TimeProvider time) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Uri> Unsigned = new("cmdb.pricing.unsigned");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Unsigned, out var unsigned))
        {
            unsigned = request.RequestUri!;
            request.Options.Set(Unsigned, unsigned);
        }
        var settings = options.Value;
        var parameters = ParseQuery(unsigned.Query);
        parameters["Format"] = "JSON";
        parameters["AccessKeyId"] = settings.AccessKeyId!;
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureVersion"] = "1.0";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString();
        parameters["Timestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var signature = AlibabaSignature.Sign(request.Method.Method, parameters, settings.AccessKeySecret!);
        var query = AlibabaSignature.CanonicalQuery(parameters) + "&Signature=" + AlibabaSignature.PercentEncode(signature);
        request.RequestUri = new UriBuilder(unsigned) { Query = query }.Uri;
        return base.SendAsync(request, cancellationToken);
    }

    internal static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(at < 0 ? pair : pair[..at]);
            result[key] = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..]);
        }
        return result;
    }
}

/// <summary>
/// Signs each attempt of a Tencent Cloud API 3.0 call with TC3-HMAC-SHA256 and the current time
/// (inside the retry, so a late retry is not refused as expired).
/// </summary>
internal sealed class TencentSigningHandler(IOptions<TencentPricingOptions> options, TimeProvider time) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> Service = new("cmdb.pricing.service");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        request.Options.TryGetValue(Service, out var service);
        var payload = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var contentType = request.Content?.Headers.ContentType?.ToString() ?? TencentSignature.JsonContentType;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var signed = TencentSignature.Sign(settings.SecretId!, settings.SecretKey!, service!, request.RequestUri!.Authority, payload, timestamp, contentType);
        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-TC-Timestamp");
        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        return await base.SendAsync(request, cancellationToken);
    }
}
