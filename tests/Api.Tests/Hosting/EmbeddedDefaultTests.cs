using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
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
            // No sign-in is configured without configuration files: API calls are refused, and the log says why.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
            Assert.Contains("No sign-in is configured", service.Tail(200));

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

    [Fact]
    public async Task Dev_sign_in_in_the_Production_environment_refuses_to_start_and_says_why()
    {
        var folder = Directory.CreateTempSubdirectory("cmdb-prod-").FullName;
        try
        {
            await using var service = ChildProcess.StartDotnet("cmdb-prod", BuildOutput.Dll("src/Api", "Cmdb.Api"),
                ["--environment", "Production", "--Auth:DevSignIn=true", "--urls", $"http://127.0.0.1:{FreePort.Next()}"], workingDirectory: folder);

            await Eventually.Until(() => service.HasExited, TimeSpan.FromSeconds(30), "the service stops by itself");
            Assert.Contains("Auth:DevSignIn is true in the Production environment", service.Tail());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_embedded_default_with_its_settings_offers_dev_sign_in()
    {
        var folder = Directory.CreateTempSubdirectory("cmdb-dev-").FullName;
        var port = FreePort.Next();
        try
        {
            await using var service = ChildProcess.StartDotnet("cmdb-dev", BuildOutput.Dll("src/Api", "Cmdb.Api"),
                ["--contentRoot", Path.Combine(BuildOutput.RepositoryRoot, "src", "Api"), "--environment", "Development", "--urls", $"http://127.0.0.1:{port}"],
                workingDirectory: folder);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.Until(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60), $"/health/ready answers 200\n{service.Tail()}");

            var signIn = await http.PostAsJsonAsync("/api/auth/dev-token", new { roles = new[] { "admin" } });
            var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/instances")).StatusCode);
            Assert.True(File.Exists(Path.Combine(folder, "data", "dev-signing.key")), "the generated key is kept under ./data");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
