using System.Collections.Concurrent;
using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

/// <summary>The definition documents the engine runs, by flow and version, so a step body can read its own step.</summary>
public sealed class LoadedDefinitions
{
    private readonly ConcurrentDictionary<(string Flow, int Version), Loaded> _loaded = new();

    public void Add(FlowDefinitionDocument document)
    {
        var steps = DefinitionValidator.AllSteps(document.Steps, "/steps").GroupBy(s => s.Step.Id).ToDictionary(g => g.Key, g => g.First().Step);
        steps[FlowDefinitionCompiler.CancelledEnd] = FlowDefinitionCompiler.CancelledEndStep;
        _loaded[(document.Id, document.Version)] = new Loaded(document, steps);
    }

    public bool Contains(string flow, int version) => _loaded.ContainsKey((flow, version));

    public FlowDefinitionDocument Document(string flow, int version) => Get(flow, version).Document;

    public StepDocument Step(string flow, int version, string stepId) =>
        Get(flow, version).Steps.TryGetValue(stepId, out var step)
            ? step
            : throw new InvalidOperationException($"Flow {flow} v{version} has no step '{stepId}'.");

    private Loaded Get(string flow, int version) =>
        _loaded.TryGetValue((flow, version), out var loaded)
            ? loaded
            : throw new InvalidOperationException($"Flow {flow} v{version} is not loaded.");

    private sealed record Loaded(FlowDefinitionDocument Document, Dictionary<string, StepDocument> Steps);
}
