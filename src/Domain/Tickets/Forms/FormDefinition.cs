using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>A ticket form type: its C# shape (whose JSON Schema the UI renders), its rules, and what a ticket with it claims.</summary>
public sealed class FormDefinition
{
    public required string Name { get; init; }
    public required Type Type { get; init; }
    public required IValidator Validator { get; init; }

    /// <summary>The resources a ticket with this form will change, claimed while it is open.</summary>
    public required Func<object, IEnumerable<ClaimKey>> Claims { get; init; }

    /// <summary>The environment(s) the form concerns, for lists and messages.</summary>
    public required Func<object, string?> Env { get; init; }
}

public static class Environments
{
    public static readonly IReadOnlyList<string> All = ["dev", "sit", "uat", "pt", "prod"];
}
