using System.Text.Json.Serialization;
using Cmdb.Api.Audit;
using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Api.Health;
using Cmdb.Api.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;

namespace Cmdb.Api;

public static class DependencyInjection
{
    /// <summary>The HTTP host: Mediator with validation and logging, ProblemDetails, OpenAPI and health checks.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCmdbAuth(configuration, environment);
        services.AddAudit(configuration);
        services.AddHostedService<DemoData.DemoDataSeeder>();
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<ApiExceptionHandler>(ServiceLifetime.Singleton);
        services.AddSingleton<Tickets.Rules.IFormRules, Tickets.Rules.ClusterCreateRules>();
        services.AddSingleton<Tickets.Rules.IFormRules, Tickets.Rules.ClusterChangeRules>();
        services.AddSingleton<Tickets.Rules.IFormRules, Tickets.Rules.StoreReassignRules>();
        services.AddSingleton<Tickets.Rules.IFormRules, Tickets.Rules.PuppetReleaseRules>();
        services.AddSingleton<Tickets.Rules.FormRulesCatalog>();
        services.AddScoped<Releases.ReleaseService>();
        services.AddSingleton<Inventory.Lists.InventoryReader>();
        services.AddSingleton<Inventory.Lists.InventoryCache>();
        services.AddScoped<Inventory.Syncs.InventorySyncRunner>();
        Inventory.Syncs.InventorySyncScheduling.AddInventorySyncs(services, configuration);
        services.AddHostedService<Pricing.Refresh.PriceBookRefreshScheduler>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Encoder = ApiJson.Encoder;
        });

        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<EngineHealthCheck>("engine", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
