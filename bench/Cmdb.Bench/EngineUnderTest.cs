using System.Collections.Concurrent;
using Cmdb.Domain;
using Cmdb.Workflows;
using Cmdb.Workflows.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;

namespace Cmdb.Bench;

/// <summary>One engine to measure: Cmdb's composition on MariaDB, or WorkflowCore's in-memory default.</summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentDictionary<string, byte> _completed = new();

    private readonly bool _engineStartedHere;

    private EngineUnderTest(IHost host, bool engineStartedHere)
    {
        _host = host;
        _engineStartedHere = engineStartedHere;
        Engine = host.Services.GetRequiredService<IWorkflowHost>();
        Engine.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted)
                _completed.TryAdd(e.WorkflowInstanceId, 0);
        };
    }

    public IWorkflowHost Engine { get; }

    public int Completed => _completed.Count;

    public static async Task<EngineUnderTest> PersistedAsync(string connectionString, string serverVersion, int maxConcurrent)
    {
        var builder = NewBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["Database:ServerVersion"] = serverVersion,
            ["ConnectionStrings:Cmdb"] = connectionString,
            ["Workflows:Engine:MaxConcurrentWorkflows"] = maxConcurrent.ToString(),
        });
        builder.Services.AddDomain(builder.Configuration).AddWorkflows(builder.Configuration)
            .AddWorkflowType<FiveStepWorkflow, BenchData>().AddWorkflowType<EventWorkflow, BenchData>();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<EngineState>().WaitUntilRunningAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new EngineUnderTest(host, engineStartedHere: false);
    }

    public static async Task<EngineUnderTest> InMemoryAsync(int maxConcurrent)
    {
        var builder = NewBuilder();
        builder.Services.AddWorkflow(options =>
        {
            options.UseMaxConcurrentWorkflows(maxConcurrent);
            options.UseIdleTime(new EngineOptions().IdleTime);
        });
        var host = builder.Build();
        var engine = host.Services.GetRequiredService<IWorkflowHost>();
        engine.RegisterWorkflow<FiveStepWorkflow, BenchData>();
        engine.RegisterWorkflow<EventWorkflow, BenchData>();
        await host.StartAsync();
        await engine.StartAsync(CancellationToken.None);
        return new EngineUnderTest(host, engineStartedHere: true);
    }

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        return builder;
    }

    public async ValueTask DisposeAsync()
    {
        if (_engineStartedHere)
            await Engine.StopAsync(CancellationToken.None);
        await _host.StopAsync();
        _host.Dispose();
    }
}
