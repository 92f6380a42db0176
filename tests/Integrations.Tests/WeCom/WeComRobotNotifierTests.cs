using System.Text.Json;
using Cmdb.Integrations;
using Cmdb.Integrations.WeCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Integrations.Tests.WeCom;

/// <summary>The WeCom robot client against a recorded fake speaking WeCom's documented webhook shapes.</summary>
public sealed class WeComRobotNotifierTests : IDisposable
{
    private const string RobotKey = "fake-robot-key-for-tests";
    private readonly WireMockServer _wecom = WireMockServer.Start();

    public void Dispose() => _wecom.Stop();

    private ServiceProvider Services(int retries = 2) =>
        new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:WeCom:BaseUrl"] = _wecom.Url,
            ["Integrations:WeCom:Robots:alerts"] = RobotKey,
            ["Integrations:WeCom:Retries"] = retries.ToString(),
        }).Build()).BuildServiceProvider();

    private IRequestBuilder Send => Request.Create().WithPath("/cgi-bin/webhook/send").WithParam("key", RobotKey).UsingPost();

    private static IResponseBuilder Answer(int errcode, string errmsg) =>
        Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { errcode, errmsg });

    [Fact]
    public async Task A_markdown_message_is_posted_to_the_robot_of_its_purpose()
    {
        _wecom.Given(Send).RespondWith(Answer(0, "ok"));
        using var services = Services();

        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("alerts", "### 标题\n> 内容", default);

        Assert.Equal(RobotSendResult.Sent, outcome.Result);
        var body = JsonDocument.Parse(Assert.Single(_wecom.LogEntries).RequestMessage.Body!).RootElement;
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal("### 标题\n> 内容", body.GetProperty("markdown").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_purpose_without_a_robot_is_not_sent()
    {
        using var services = Services();
        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("releases", "x", default);
        Assert.Equal((RobotSendResult.NotConfigured, "not sent: no robot configured"), (outcome.Result, outcome.Error));
        Assert.Empty(_wecom.LogEntries);
    }

    [Fact]
    public async Task Transient_failures_are_retried_before_giving_up()
    {
        _wecom.Given(Send).InScenario("flaky").WillSetStateTo("one").RespondWith(Response.Create().WithStatusCode(429));
        _wecom.Given(Send).InScenario("flaky").WhenStateIs("one").WillSetStateTo("two").RespondWith(Response.Create().WithStatusCode(503));
        _wecom.Given(Send).InScenario("flaky").WhenStateIs("two").RespondWith(Answer(0, "ok"));
        using var services = Services(retries: 2);

        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("alerts", "x", default);

        Assert.Equal(RobotSendResult.Sent, outcome.Result);
        Assert.Equal(3, _wecom.LogEntries.Count());
    }

    [Fact]
    public async Task A_WeCom_error_code_is_a_failure_with_its_message_but_never_the_key()
    {
        _wecom.Given(Send).RespondWith(Answer(93000, "invalid webhook url"));
        using var services = Services();

        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("alerts", "x", default);

        Assert.Equal(RobotSendResult.Failed, outcome.Result);
        Assert.Contains("93000", outcome.Error);
        Assert.DoesNotContain(RobotKey, outcome.Error);
    }

    [Fact]
    public async Task An_unreachable_WeCom_is_a_failure_not_an_exception()
    {
        _wecom.Stop();
        using var services = Services(retries: 0);
        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("alerts", "x", default);
        Assert.Equal(RobotSendResult.Failed, outcome.Result);
        Assert.DoesNotContain(RobotKey, outcome.Error);
    }

    [Fact]
    public async Task A_server_error_after_retries_is_a_failure()
    {
        _wecom.Given(Send).RespondWith(Response.Create().WithStatusCode(500));
        using var services = Services(retries: 1);

        var outcome = await services.GetRequiredService<IRobotNotifier>().SendAsync("alerts", "x", default);

        Assert.Equal((RobotSendResult.Failed, "WeCom answered HTTP 500"), (outcome.Result, outcome.Error));
        Assert.Equal(2, _wecom.LogEntries.Count());
    }
}
