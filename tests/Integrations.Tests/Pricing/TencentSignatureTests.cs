using Cmdb.Integrations.Pricing;

namespace Cmdb.Integrations.Tests.Pricing;

/// <summary>
/// Tencent Cloud's published signature v3 example (API 3.0 "Signature v3"): CVM DescribeInstances in
/// ap-guangzhou, SecretId <c>AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******</c>, SecretKey
/// <c>Gu5t9xGARNpq86cd98joQYCN3*******</c> (the masked strings as printed, which the published values
/// are computed from), timestamp 1551113065. Each expected value below is the documented one; all
/// were also reproduced independently with <c>sha256sum</c> and <c>openssl dgst -sha256 -mac HMAC</c>.
/// </summary>
public sealed class TencentSignatureTests
{
    private const string SecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    private const string SecretKey = "Gu5t9xGARNpq86cd98joQYCN3*******";
    private const string Payload = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    private static TencentSigned Documented() =>
        TencentSignature.Sign(SecretId, SecretKey, "cvm", "cvm.tencentcloudapi.com", Payload, 1551113065);

    [Fact]
    public void The_documented_example_gives_the_documented_canonical_request()
    {
        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
            + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            Documented().CanonicalRequest);
    }

    [Fact]
    public void The_documented_example_gives_the_documented_string_to_sign()
    {
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            Documented().StringToSign);
    }

    [Fact]
    public void The_documented_example_gives_the_documented_signature_and_Authorization_header()
    {
        var signed = Documented();

        Assert.Equal("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c", signed.Signature);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
            signed.Authorization);
    }

    [Fact]
    public void The_date_is_the_UTC_date_of_the_timestamp_not_the_local_one()
    {
        // 1551113065 is 2019-02-26 00:44:25 in Beijing but 2019-02-25 in UTC.
        Assert.Equal("2019-02-25", Documented().Date);
    }

    [Fact]
    public void Another_key_service_or_payload_changes_the_signature()
    {
        var documented = Documented().Signature;

        Assert.NotEqual(documented, TencentSignature.Sign(SecretId, SecretKey + "x", "cvm", "cvm.tencentcloudapi.com", Payload, 1551113065).Signature);
        Assert.NotEqual(documented, TencentSignature.Sign(SecretId, SecretKey, "cdb", "cvm.tencentcloudapi.com", Payload, 1551113065).Signature);
        Assert.NotEqual(documented, TencentSignature.Sign(SecretId, SecretKey, "cvm", "cvm.tencentcloudapi.com", Payload + " ", 1551113065).Signature);
    }
}
