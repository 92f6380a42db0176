using System.Text.Json.Nodes;
using Cmdb.Api.Audit;

namespace Cmdb.Api.Tests.Audit;

public sealed class RedactorTests
{
    private readonly Redactor _redactor = new(new AuditOptions().SensitiveKeys);

    [Fact]
    public void Secret_values_are_masked_at_any_depth_and_in_any_case()
    {
        var json = _redactor.TryRedactJson("""
            {"user":"u1","Password":"p1","nested":{"apiKey":"k1","list":[{"TOKEN":"t1","keep":"v"}]},"client_secret":{"a":1},"Cookie":"c"}
            """)!.ToJsonString();

        foreach (var secret in new[] { "p1", "k1", "t1", "\"a\":1", "\"c\"" })
            Assert.DoesNotContain(secret, json);
        Assert.Contains("\"user\":\"u1\"", json);
        Assert.Contains("\"keep\":\"v\"", json);
        Assert.Equal(5, json.Split("***").Length - 1);
    }

    [Fact]
    public void Text_is_masked_in_key_value_form()
    {
        var text = _redactor.RedactText("user=bob&password=hunter2&note=ok; Authorization: Bearer tok123 \"secret\": \"x y\"");
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("tok123", text);
        Assert.DoesNotContain("x y", text);
        Assert.Contains("user=bob", text);
        Assert.Contains("note=ok", text);
    }

    [Fact]
    public void Something_that_is_not_JSON_is_not_parsed() => Assert.Null(_redactor.TryRedactJson("password=1"));

    [Theory]
    [InlineData("robotKey", true)]
    [InlineData("ACCESS_TOKEN", true)]
    [InlineData("passwd", true)]
    [InlineData("name", false)]
    [InlineData("description", false)]
    public void Keys_are_sensitive_by_the_words_they_contain(string key, bool sensitive) =>
        Assert.Equal(sensitive, _redactor.IsSensitive(key));

    [Fact]
    public void Arrays_of_secrets_are_masked_whole()
    {
        var node = _redactor.Redact(JsonNode.Parse("""{"tokens":["a","b"]}"""))!;
        Assert.Equal("***", node["tokens"]!.GetValue<string>());
    }
}
