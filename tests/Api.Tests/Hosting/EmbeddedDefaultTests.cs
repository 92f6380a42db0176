using System.Net;
using System.Net.Sockets;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Hosting;

public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task The_built_service_with_no_configuration_serves_on_5080_and_is_ready_in_an_empty_folder()
    {
        using (var probe = new TcpClient())
        {
            var inUse = await Task.WhenAny(probe.ConnectAsync("127.0.0.1", 5080), Task.Delay(500)) is Task connect && connect.IsCompletedSuccessfully && probe.Connected;
            Assert.False(inUse, "port 5080 is taken by another process; stop it to run this test");
        }

        var folder = Directory.CreateTempSubdirectory("cmdb-embedded-").FullName;
        try
        {
            await using var service = ChildProcess.StartDotnet("cmdb", BuildOutput.Dll("src/Api", "Cmdb.Api"), [], workingDirectory: folder);
            using var http = new HttpClient { BaseAddress = new Uri("http://localhost:5080"), Timeout = TimeSpan.FromSeconds(5) };

            await Eventually.Until(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60), $"/health/ready answers 200\n{service.Tail()}");

            Assert.True(File.Exists(Path.Combine(folder, "data", "cmdb.db")), "the SQLite file is created under ./data");

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/instances?reference=query-secret-value");
            request.Headers.Add("X-Correlation-ID", "embedded-check-1");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

            // Structured JSON request log carrying the correlation id, and no query string in it.
            await Eventually.Until(() => service.Tail(200).Contains("embedded-check-1", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10), "the request is logged with its correlation id");
            var requestLine = service.Tail(200).Split('\n').Single(l => l.Contains("embedded-check-1") && l.Contains("RequestLoggingMiddleware"));
            Assert.StartsWith("{\"@t\":", requestLine);
            Assert.DoesNotContain("query-secret-value", service.Tail(200));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
