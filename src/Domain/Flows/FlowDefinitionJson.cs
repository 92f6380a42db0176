using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cmdb.Domain.Flows;

/// <summary>Reads and writes definition documents in their one JSON form (camelCase, indented).</summary>
public static partial class FlowDefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static FlowDefinitionDocument? Parse(string json, out DefinitionProblem? problem)
    {
        try
        {
            problem = null;
            return JsonSerializer.Deserialize<FlowDefinitionDocument>(json, Options)
                ?? throw new JsonException("The document is empty.");
        }
        catch (JsonException ex)
        {
            problem = new DefinitionProblem(ToPointer(ex.Path), ProblemCodes.Json, ex.Message);
            return null;
        }
    }

    /// <summary>The <c>id</c> a JSON object names, when it is readable at all (for documents that break the schema).</summary>
    public static string? ReadId(string json)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(json) is System.Text.Json.Nodes.JsonObject obj
                && obj["id"] is System.Text.Json.Nodes.JsonValue id && id.TryGetValue(out string? text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write(FlowDefinitionDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary><c>$.steps[2].kind</c> → <c>/steps/2/kind</c>.</summary>
    public static string ToPointer(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "";
        var path = jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath;
        path = Index().Replace(path, m => "/" + m.Groups[1].Value);
        path = QuotedName().Replace(path, m => "/" + m.Groups[1].Value);
        return path.Replace('.', '/');
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedName();
}
