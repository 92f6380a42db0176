using Cmdb.Workflows.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests;

/// <summary>
/// The real API in-process, on the database the settings name, trusting <see cref="TestAuth"/>'s
/// tokens, with optional extra services.
/// </summary>
public sealed class CmdbApiFactory(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in TestAuth.Settings())
            builder.UseSetting(key, value);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        if (services is not null)
            builder.ConfigureTestServices(services);
    }

    /// <summary>Waits until the engine runs, which also means the database is migrated.</summary>
    public async Task<CmdbApiFactory> StartedAsync()
    {
        _ = Server;
        await Services.GetRequiredService<EngineState>().WaitUntilRunningAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return this;
    }
}
