using Cmdb.Api;
using Cmdb.Api.Audit;
using Cmdb.Api.Clusters;
using Cmdb.Api.Commands;
using Cmdb.Api.Releases;
using Cmdb.Api.Inventory;
using Cmdb.Api.Auth;
using Cmdb.Api.Health;
using Cmdb.Api.Infrastructure;
using Cmdb.Api.Definitions;
using Cmdb.Api.Instances;
using Cmdb.Api.Notifications;
using Cmdb.Api.Pricing;
using Cmdb.Api.Servers;
using Cmdb.Api.Tickets;
using Cmdb.Domain;
using Cmdb.Workflows;
using Scalar.AspNetCore;
using Serilog;

if (InventoryGenerateCommand.Matches(args))
{
    Environment.ExitCode = await InventoryGenerateCommand.RunAsync(args, Console.Out, Console.Error);
    return;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        builder.WebHost.UseUrls("http://localhost:5080");

    builder.Services.AddSerilog((services, logger) => Logging.Configure(builder.Configuration, services, logger), preserveStaticLogger: true);
    builder.Services
        .AddDomain(builder.Configuration)
        .AddWorkflows(builder.Configuration)
        .AddApi(builder.Configuration, builder.Environment);

    var app = builder.Build();
    app.UseMiddleware<CorrelationIdMiddleware>();
    // The host's Serilog logger, not the static one (left untouched so test hosts can run side by side).
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    app.UseMiddleware<AuditMiddleware>();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseMiddleware<DatabaseGateMiddleware>();

    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
    app.MapHealthEndpoints();
    app.MapAuthEndpoints();
    app.MapInstanceEndpoints();
    app.MapAuditEndpoints();
    app.MapNotificationEndpoints();
    app.MapTicketEndpoints();
    app.MapDefinitionEndpoints();
    app.MapServerEndpoints();
    app.MapClusterEndpoints();
    app.MapReleaseEndpoints();
    app.MapInventoryEndpoints();
    app.MapPricingEndpoints();
    app.WarnIfNobodyCanSignIn();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // The host's own logger may not exist yet (a configuration error stops start-up before it is built).
    using var startupLog = new LoggerConfiguration().WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()).CreateLogger();
    startupLog.Fatal(ex, "Cmdb stopped: {Reason}", ex.Message);
    Environment.ExitCode = 1;
}

/// <summary>Entry point type, visible to <c>WebApplicationFactory</c> in the API tests.</summary>
public partial class Program;
