namespace Cmdb.Activities;

/// <summary>Every registered activity by name.</summary>
public sealed class ActivityCatalog(IEnumerable<IActivity> activities)
{
    private readonly Dictionary<string, IActivity> _byName = activities.ToDictionary(a => a.Descriptor.Name, StringComparer.Ordinal);

    public IEnumerable<ActivityDescriptor> Descriptors => _byName.Values.Select(a => a.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal);

    public bool TryGet(string name, out IActivity activity) => _byName.TryGetValue(name, out activity!);

    public IActivity Get(string name) =>
        TryGet(name, out var activity) ? activity : throw new InvalidOperationException($"No activity named '{name}' is registered.");
}
