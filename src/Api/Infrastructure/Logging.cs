using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Cmdb.Api.Infrastructure;

internal static class Logging
{
    /// <summary>
    /// Structured JSON to the console. Defaults here keep framework chatter down; configuration
    /// (<c>Serilog:*</c>) may override any of them.
    /// </summary>
    public static void Configure(IConfiguration configuration, IServiceProvider services, LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
        .MinimumLevel.Override("WorkflowCore", LogEventLevel.Warning)
        .ReadFrom.Configuration(configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.WithProperty("Application", "Cmdb")
        .WriteTo.Console(new RenderedCompactJsonFormatter());
}
