using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Api.Tests.Notifications;

/// <summary>WeCom's group robot webhook as WireMock plays it, with WeCom's documented answer shape.</summary>
public sealed class FakeWeCom : IDisposable
{
    public const string RobotKey = "fake-robot-key-for-tests";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    public static IRequestBuilder Send => Request.Create().WithPath("/cgi-bin/webhook/send").WithParam("key", RobotKey).UsingPost();

    public static IResponseBuilder Ok => Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { errcode = 0, errmsg = "ok" });

    public static IResponseBuilder Error(int status) => Response.Create().WithStatusCode(status);

    /// <summary>Answers the given statuses in order, then 200 with errcode 0 for ever.</summary>
    public void FailThenSucceed(params int[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            var step = Server.Given(Send).InScenario("robot");
            if (i > 0)
                step = step.WhenStateIs($"s{i}");
            step.WillSetStateTo($"s{i + 1}").RespondWith(Error(statuses[i]));
        }
        Server.Given(Send).InScenario("robot").WhenStateIs($"s{statuses.Length}").RespondWith(Ok);
    }

    public int Requests => Server.LogEntries.Count();

    public int Delivered => Server.LogEntries.Count(e => (e.ResponseMessage.StatusCode?.ToString() ?? "200") == "200");

    public void Dispose() => Server.Stop();
}
