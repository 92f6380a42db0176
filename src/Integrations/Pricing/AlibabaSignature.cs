using System.Security.Cryptography;
using System.Text;

namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Alibaba Cloud's RPC signature (signature method V2, HMAC-SHA1): the parameters sorted by name,
/// percent-encoded by the POP rules (only <c>A–Z a–z 0–9 - _ . ~</c> stay literal, so a space is
/// <c>%20</c>, <c>*</c> is <c>%2A</c>, <c>~</c> stays), joined into the canonical query; the string to sign
/// is <c>METHOD&amp;%2F&amp;</c> + the encoded canonical query; the key is the secret followed by <c>&amp;</c>.
/// </summary>
public static class AlibabaSignature
{
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    /// <summary>The parameters (without <c>Signature</c>) sorted by name and encoded: <c>a=1&amp;b=2</c>.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalQuery(parameters));

    /// <summary>Base64 of HMAC-SHA1 over the string to sign, keyed with <paramref name="accessKeySecret"/> + <c>&amp;</c>.</summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(StringToSign(method, parameters)));
        return Convert.ToBase64String(mac);
    }
}
