using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>One generated inventory of 20,000 resources (with its relations and normalised records), shared by the generator tests.</summary>
public sealed class GeneratedInventory
{
    public const int Size = 20_000;

    public GeneratedInventory()
    {
        Generator = new InventoryGenerator(Size, seed: 42);
        Resources = [.. InventoryTypes.All.SelectMany(t => Generator.Resources(t.Key))];
        Relations = [.. InventoryTypes.RelationKinds.SelectMany(k => Generator.Relations(k.Kind))];
        Normalized = [.. Resources.Select(InventoryNormalizer.Normalize).OfType<NormalizedResource>()];
    }

    public InventoryGenerator Generator { get; }
    public List<IncomingResource> Resources { get; }
    public List<IncomingRelation> Relations { get; }
    public List<NormalizedResource> Normalized { get; }

    public IEnumerable<IncomingResource> OfType(string type) => Resources.Where(r => r.Type == type);

    public static string? Text(IncomingResource resource, string attribute) => resource.Attributes?[attribute]?.GetValue<string>();
}
