using Cmdb.Integrations.Pricing;
using Cmdb.Integrations.Tests.PuppetCa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.ResponseBuilders;

namespace Cmdb.Integrations.Tests.Pricing;

/// <summary>Builds the price clients against fakes, capturing every log line.</summary>
internal static class PricingServices
{
    public static ServiceProvider Build(CapturedLogs logs, Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddVendorPriceClients(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    public static IResponseBuilder Json(object body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=utf-8").WithBodyAsJson(body);

    /// <summary>The fake's own reading of a query string, without the client's code.</summary>
    public static Dictionary<string, string> Query(IRequestMessage request) =>
        request.RawQuery!.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv[1]));

    public static string Header(IRequestMessage request, string name) =>
        request.Headers!.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();

    public static void AssertNoSecretIn(CapturedLogs logs, params string[] secrets)
    {
        Assert.NotEmpty(logs.Lines);
        foreach (var (category, _, message) in logs.Lines)
        {
            foreach (var secret in secrets)
                Assert.False(message.Contains(secret, StringComparison.Ordinal) || category.Contains(secret, StringComparison.Ordinal), $"'{secret}' logged: {message}");
        }
    }
}
