using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>Every form type a flow definition may name, and how forms are read and described.</summary>
public static class FormCatalog
{
    private static readonly Dictionary<string, FormDefinition> Forms = new[]
    {
        PuppetCertDeleteForm.Definition,
        PuppetGroupChangeForm.Definition,
        ClusterCreateForm.Definition,
        ClusterChangeForm.Definition,
        StoreReassignForm.Definition,
        PuppetReleaseForm.Definition,
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Forms are strict: an unknown field or a value of the wrong type is refused with its path.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static IEnumerable<string> Names => Forms.Keys.Order(StringComparer.Ordinal);

    public static bool TryGet(string name, out FormDefinition form) => Forms.TryGetValue(name, out form!);

    public static object Read(FormDefinition form, JsonElement json) =>
        json.Deserialize(form.Type, Json) ?? throw new JsonException("The form is empty.");

    public static string Write(object form) => JsonSerializer.Serialize(form, form.GetType(), Json);

    /// <summary>The form's JSON Schema, generated from its C# type, with the descriptions the UI shows.</summary>
    public static JsonNode Schema(FormDefinition form) =>
        Json.GetJsonSchemaAsNode(form.Type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) =>
            {
                var description = (context.PropertyInfo?.AttributeProvider ?? context.TypeInfo.Type)
                    .GetCustomAttributes(typeof(DescriptionAttribute), true).OfType<DescriptionAttribute>().FirstOrDefault();
                if (description is not null && schema is JsonObject obj)
                    obj["description"] = description.Description;
                return schema;
            },
        });
}
