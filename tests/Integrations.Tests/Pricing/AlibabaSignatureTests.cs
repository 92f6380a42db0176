using Cmdb.Integrations.Pricing;

namespace Cmdb.Integrations.Tests.Pricing;

/// <summary>
/// Alibaba Cloud's published RPC signature example (ECS "Request signatures" / signature method V2):
/// DescribeRegions, AccessKeyId <c>testid</c>, AccessKeySecret <c>testsecret</c>, nonce
/// <c>3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf</c>, 2016-02-23T12:46:24Z. Both expected values were also
/// reproduced independently with <c>openssl dgst -sha1 -hmac 'testsecret&amp;' -binary | base64</c>.
/// </summary>
public sealed class AlibabaSignatureTests
{
    private static Dictionary<string, string> DocumentedParameters(string timestampName) => new()
    {
        ["AccessKeyId"] = "testid",
        ["Action"] = "DescribeRegions",
        ["Format"] = "XML",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        ["SignatureVersion"] = "1.0",
        [timestampName] = "2016-02-23T12:46:24Z",
        ["Version"] = "2014-05-26",
    };

    [Fact]
    public void The_documented_example_gives_the_documented_string_to_sign_and_signature()
    {
        var parameters = DocumentedParameters("Timestamp");

        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
            + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
            + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            AlibabaSignature.StringToSign("GET", parameters));
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AlibabaSignature.Sign("GET", parameters, "testsecret"));
    }

    [Fact]
    public void The_older_ECS_example_spelling_TimeStamp_gives_its_documented_signature()
    {
        // The same example as first published for ECS, where the parameter was spelled "TimeStamp".
        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", AlibabaSignature.Sign("GET", DocumentedParameters("TimeStamp"), "testsecret"));
    }

    [Fact]
    public void Parameter_order_does_not_change_the_signature_and_Signature_itself_is_not_signed()
    {
        var sorted = DocumentedParameters("Timestamp");
        var reversed = sorted.Reverse().ToDictionary();
        reversed["Signature"] = "anything";

        Assert.Equal(AlibabaSignature.Sign("GET", sorted, "testsecret"), AlibabaSignature.Sign("GET", reversed, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a~b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("A-Z_a.z0", "A-Z_a.z0")]
    [InlineData("/:=&", "%2F%3A%3D%26")]
    [InlineData("未命名", "%E6%9C%AA%E5%91%BD%E5%90%8D")]
    public void Percent_encoding_follows_the_POP_rules(string value, string encoded) =>
        Assert.Equal(encoded, AlibabaSignature.PercentEncode(value));

    [Fact]
    public void The_canonical_query_sorts_by_name_and_encodes_names_and_values() =>
        Assert.Equal("DataDisk.1.Size=40&RegionId=cn-shanghai&SystemDisk.Category=cloud%20essd",
            AlibabaSignature.CanonicalQuery(new Dictionary<string, string>
            {
                ["SystemDisk.Category"] = "cloud essd", ["RegionId"] = "cn-shanghai", ["DataDisk.1.Size"] = "40",
            }));
}
