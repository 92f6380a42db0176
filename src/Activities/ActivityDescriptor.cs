namespace Cmdb.Activities;

public sealed record ActivityDescriptor(
    string Name,
    string Description,
    IReadOnlyList<ActivityInput> Inputs,
    IReadOnlyList<ActivityOutput> Outputs,
    IReadOnlyList<ActivityOutcome> Outcomes)
{
    public static readonly ActivityOutcome Done = new("done", "The work is done.");
}

/// <param name="Type">string, number, boolean, object or list.</param>
public sealed record ActivityInput(string Name, string Type, bool Required, string Description);

public sealed record ActivityOutput(string Name, string Type, string Description);

public sealed record ActivityOutcome(string Name, string Description);
