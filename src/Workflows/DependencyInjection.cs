using System.ComponentModel.DataAnnotations;
using Cmdb.Domain.Persistence;
using Cmdb.Activities;
using Cmdb.Integrations;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Steps;
using Cmdb.Workflows.Tickets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowCore.Services;
using Cmdb.Workflows.Engine;
using Cmdb.Workflows.Locking;
using Cmdb.Workflows.Notifications;
using Cmdb.Workflows.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace Cmdb.Workflows;

public static class DependencyInjection
{
    /// <summary>
    /// The engine, composed here and nowhere else: WorkflowCore on our EF Core store, MySQL named
    /// locks when the database is MySQL (an in-process lock on the single-node SQLite default),
    /// a local event-driven queue with a short database poll, started by a hosted service once
    /// the database is migrated. Needs <c>AddDomain</c>.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var engine = configuration.GetSection(EngineOptions.SectionName).Get<EngineOptions>() ?? new EngineOptions();
        Validator.ValidateObject(engine, new ValidationContext(engine), validateAllProperties: true);
        services.AddSingleton(engine);

        services.AddSingleton<RevisionTracker>();
        services.AddSingleton<EfPersistenceProvider>();
        services.AddSingleton<EngineState>();
        services.AddWorkflow(options =>
        {
            options.UsePersistence(sp => sp.GetRequiredService<EfPersistenceProvider>());
            options.UseQueueProvider(_ => new LocalQueueProvider());
            options.UseDistributedLockManager(CreateLockProvider);
            options.UsePollInterval(engine.PollInterval);
            options.UseIdleTime(engine.IdleTime);
            options.UseMaxConcurrentWorkflows(engine.MaxConcurrentWorkflows);
            options.UseErrorRetryInterval(engine.ErrorRetryInterval);
            options.EnableIndexes = false;
        });
        services.AddHostedService<WorkflowEngineService>();
        AddFlows(services, configuration);

        services.AddIntegrations(configuration);
        services.AddActivities();
        services.TryAddSingleton(TimeProvider.System);
        // Transient: the GitLab client behind it is a typed HttpClient, whose handlers are meant to rotate.
        services.AddTransient<Cmdb.Activities.Releases.ReleaseConductor>();
        services.Configure<Cmdb.Activities.Dns.DnsWaitOptions>(configuration.GetSection(Cmdb.Activities.Dns.DnsWaitOptions.SectionName));
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }

    /// <summary>
    /// JSON-defined flows: the store, validator and compiler, a registry that finds published
    /// versions in the database, the step bodies, and ticket progress.
    /// </summary>
    private static void AddFlows(IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["Workflows:DefinitionsPath"] ?? Path.Combine(AppContext.BaseDirectory, "workflow-definitions");
        services.AddSingleton(new DefinitionFiles(folder));
        services.AddSingleton<LoadedDefinitions>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<WorkflowRegistry>();
        services.AddSingleton(sp => new FlowRegistry(sp.GetRequiredService<WorkflowRegistry>(),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Cmdb.Domain.Persistence.CmdbDbContext>>(), sp.GetRequiredService<LoadedDefinitions>()));
        services.Replace(ServiceDescriptor.Singleton<IWorkflowRegistry>(sp => sp.GetRequiredService<FlowRegistry>()));
        services.AddSingleton<IEngineStartupTask, DefinitionStartup>();
        services.AddSingleton<TicketProgress>();
        services.AddSingleton<EngineOutbox>();
        services.AddSingleton<EngineControl>();
        services.AddOptions<ActivityOptions>().Bind(configuration.GetSection(ActivityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<ActivityStep>();
        services.AddTransient<HumanTaskStep>();
        services.AddTransient<ConditionStep>();
        services.AddTransient<WaitEventStep>();
        services.AddTransient<DelayStep>();
        services.AddTransient<ForEachStep>();
        services.AddTransient<EndTicketStep>();
        services.AddTransient<SagaBody>();
        services.AddTransient<CompensationBlockStep>();
        services.AddTransient<SagaRolledBackStep>();
    }

    /// <summary>Registers a code-defined workflow with the engine when it starts.</summary>
    public static IServiceCollection AddWorkflowType<TWorkflow, TData>(this IServiceCollection services)
        where TWorkflow : IWorkflow<TData>
        where TData : new() =>
        services.AddSingleton<IEngineStartupTask, RegisterWorkflowType<TWorkflow, TData>>();

    private static IDistributedLockProvider CreateLockProvider(IServiceProvider services)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        return database.Provider == DatabaseProvider.MySql
            ? new MySqlDistributedLockProvider(database.ConnectionString, services.GetRequiredService<ILogger<MySqlDistributedLockProvider>>())
            : new WorkflowCore.Services.SingleNodeLockProvider();
    }
}
