using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>
/// Routes to the next step when the step ended with <see cref="Value"/>, or always when it is
/// null. A constant, unlike WorkflowCore's expression-based outcome which compiles per match.
/// </summary>
internal sealed class StepOutcome(string? value, string target, bool onlyWhenCompleted = false) : IStepOutcome
{
    public string? Value { get; } = value;

    public string ExternalNextStepId { get; set; } = target;

    public string Label { get; set; } = value ?? "next";

    public int NextStep { get; set; }

    /// <summary>
    /// Asked when a step is resumed after compensation: a saga's own routes do not apply then
    /// (<paramref name="data"/> unused), its rolled-back step routes instead.
    /// </summary>
    public bool Matches(object data) => Value is null && !onlyWhenCompleted;

    public bool Matches(ExecutionResult executionResult, object data) =>
        Value is null || string.Equals(Value, executionResult.OutcomeValue as string, StringComparison.Ordinal);
}
