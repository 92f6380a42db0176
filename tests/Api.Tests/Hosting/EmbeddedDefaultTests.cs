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
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/instances")).StatusCode);
            Assert.Contains("\"@t\"", service.Tail(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
