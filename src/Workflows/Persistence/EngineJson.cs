using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Cmdb.Workflows.Persistence;

/// <summary>
/// How the engine's untyped values (workflow data, step state, event data) are written to the
/// database. Type names are kept so values come back as the same types; only types from our own
/// assemblies, WorkflowCore and the base library may be named, so a tampered row cannot make the
/// process instantiate an arbitrary type.
/// </summary>
internal static class EngineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new AllowedTypesBinder(),
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    };

    public static string? Serialize(object? value) =>
        value is null ? null : JsonConvert.SerializeObject(value, typeof(object), Settings);

    public static string Serialize<T>(T value) => JsonConvert.SerializeObject(value, typeof(T), Settings);

    public static object? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonConvert.DeserializeObject(json, Settings);

    public static T Deserialize<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new JsonSerializationException($"Stored {typeof(T).Name} is empty.");

    private sealed class AllowedTypesBinder : ISerializationBinder
    {
        private static readonly string[] AllowedAssemblyPrefixes =
            ["Cmdb.", "WorkflowCore", "System.Private.CoreLib", "System.Collections", "Newtonsoft.Json", "mscorlib"];

        private readonly DefaultSerializationBinder _inner = new();

        public Type BindToType(string? assemblyName, string typeName)
        {
            if (assemblyName is not null && !AllowedAssemblyPrefixes.Any(p => assemblyName.StartsWith(p, StringComparison.Ordinal)))
                throw new JsonSerializationException($"Type '{typeName}' from assembly '{assemblyName}' may not be read from engine storage.");
            var type = _inner.BindToType(assemblyName, typeName);
            if (type.Assembly.GetName().Name is { } actual && !AllowedAssemblyPrefixes.Any(p => actual.StartsWith(p, StringComparison.Ordinal)))
                throw new JsonSerializationException($"Type '{type.FullName}' may not be read from engine storage.");
            return type;
        }

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
            _inner.BindToName(serializedType, out assemblyName, out typeName);
    }
}
