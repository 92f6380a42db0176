using Cmdb.Domain;
using Cmdb.Workflows;
using Cmdb.Workflows.Engine;
using Cmdb.Workflows.EngineHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

// A small engine node for the crash and multi-node tests: the real Domain + Workflows composition
// on MySQL, running RecordedWorkflow. Arguments are configuration keys (--Node:Name=a ...).
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "MySql" });

var config = builder.Configuration;
var node = new NodeSettings(
    config["Node:Name"] ?? "node",
    config.GetConnectionString("Cmdb") ?? throw new InvalidOperationException("--ConnectionStrings:Cmdb is required"),
    TimeSpan.FromMilliseconds(config.GetValue("Node:StepDelayMs", 0)));

builder.Services.AddSingleton(node).AddTransient<RecordStep>();
builder.Services.AddDomain(config).AddWorkflows(config).AddWorkflowType<RecordedWorkflow, RecordedData>();

using var host = builder.Build();
await RecordStep.EnsureTablesAsync(node.ConnectionString);
await host.StartAsync();
await host.Services.GetRequiredService<EngineState>().WaitUntilRunningAsync(CancellationToken.None);
Console.WriteLine($"{node.Name} ready");

var toStart = config.GetValue("Node:Start", 0);
var engine = host.Services.GetRequiredService<IWorkflowHost>();
for (var i = 0; i < toStart; i++)
    await engine.StartWorkflow(RecordedWorkflow.DefinitionId, 1, new RecordedData { Key = Guid.NewGuid().ToString() });
if (toStart > 0)
    Console.WriteLine($"{node.Name} started {toStart}");

await host.WaitForShutdownAsync();
