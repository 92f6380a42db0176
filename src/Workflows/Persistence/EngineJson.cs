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

    /// <summary>
    /// Our own types, WorkflowCore's, primitives, and the generic collections of the base library;
    /// generic arguments and array elements are checked too.
    /// </summary>
    private sealed class AllowedTypesBinder : ISerializationBinder
    {
        private static readonly HashSet<string> CollectionNamespaces =
            ["System.Collections.Generic", "System.Collections.ObjectModel", "Newtonsoft.Json.Linq"];

        private static readonly HashSet<Type> SystemValues =
            [typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid), typeof(TimeSpan), typeof(Uri), typeof(object)];

        private readonly DefaultSerializationBinder _inner = new();

        public Type BindToType(string? assemblyName, string typeName)
        {
            var type = _inner.BindToType(assemblyName, typeName);
            return IsAllowed(type)
                ? type
                : throw new JsonSerializationException($"Type '{type.FullName}' may not be read from engine storage.");
        }

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
            _inner.BindToName(serializedType, out assemblyName, out typeName);

        private static bool IsAllowed(Type type)
        {
            if (type.IsArray)
                return IsAllowed(type.GetElementType()!);
            if (type.IsGenericType && !type.IsGenericTypeDefinition)
                return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);

            var assembly = type.Assembly.GetName().Name ?? "";
            if (assembly.StartsWith("Cmdb.", StringComparison.Ordinal) || assembly.StartsWith("WorkflowCore", StringComparison.Ordinal))
                return true;
            return type.IsPrimitive || type.IsEnum || SystemValues.Contains(type) || type == typeof(Nullable<>)
                || (type.Namespace is { } ns && CollectionNamespaces.Contains(ns));
        }
    }
}
