using System.Text.Json.Serialization;

namespace Cmdb.Domain.Flows;

/// <summary>
/// A flow definition as admins write it and the designer draws it (docs/workflow-definitions.md,
/// schema: workflow-definitions/workflow-definition.schema.json).
/// </summary>
public sealed class FlowDefinitionDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string Id { get; set; } = "";

    public int Version { get; set; }

    public LocalizedText Name { get; set; } = new();

    public LocalizedText? Description { get; set; }

    /// <summary>The form type tickets of this flow carry, e.g. <c>puppet-cert-delete</c>.</summary>
    public string Form { get; set; } = "";

    /// <summary>Id of the first step.</summary>
    public string Start { get; set; } = "";

    public List<StepDocument> Steps { get; set; } = [];
}

public sealed class LocalizedText
{
    public string Zh { get; set; } = "";

    public string En { get; set; } = "";

    public string For(string language) => language == "en" && En.Length > 0 ? En : Zh.Length > 0 ? Zh : En;
}

/// <summary>Who may act on a human task.</summary>
public sealed class ActorRule
{
    /// <summary>Everyone with this role.</summary>
    public string? Role { get; set; }

    /// <summary>The users named by this form field (a string or a list of strings), e.g. a release plan's operators.</summary>
    public string? FormField { get; set; }

    /// <summary>The ticket's requester (for edit and confirm tasks; never allowed for approvals).</summary>
    public bool? Requester { get; set; }
}
