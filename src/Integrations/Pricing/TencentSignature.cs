using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cmdb.Integrations.Pricing;

/// <summary>The parts of one TC3-HMAC-SHA256 signature, kept so a test (or a fake) can compare each step.</summary>
public sealed record TencentSigned(string CanonicalRequest, string StringToSign, string Date, string Signature, string Authorization);

/// <summary>
/// Tencent Cloud API 3.0 signature v3 (TC3-HMAC-SHA256) for a POST with a JSON body, signing the
/// <c>content-type</c> and <c>host</c> headers: canonical request → string to sign → key derived from
/// <c>"TC3" + SecretKey</c> through the UTC date, the service and <c>tc3_request</c> → hex signature.
/// </summary>
public static class TencentSignature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static TencentSigned Sign(string secretId, string secretKey, string service, string host, string payload, long timestamp,
        string contentType = JsonContentType)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var canonicalRequest = string.Join('\n',
            "POST", "/", "",
            $"content-type:{contentType.ToLowerInvariant()}", $"host:{host.ToLowerInvariant()}", "",
            "content-type;host",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));
        var scope = $"{date}/{service}/tc3_request";
        var stringToSign = string.Join('\n',
            Algorithm, timestamp.ToString(CultureInfo.InvariantCulture), scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        key = Hmac(key, service);
        key = Hmac(key, "tc3_request");
        var signature = Hex(Hmac(key, stringToSign));
        var authorization = $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders=content-type;host, Signature={signature}";
        return new TencentSigned(canonicalRequest, stringToSign, date, signature, authorization);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
