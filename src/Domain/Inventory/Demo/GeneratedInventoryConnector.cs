using System.Runtime.CompilerServices;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>The synthetic inventory of <see cref="InventoryGenerator"/> as a sync source (connector <c>generated</c>).</summary>
public sealed class GeneratedInventoryConnector(int size, int seed = 1) : IInventoryConnector
{
    public InventoryGenerator Generator { get; } = new(size, seed);

    public InventoryPlan Plan => Generator.Plan;

    public string Name => "generated";

    public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken) =>
        Paced(Generator.Resources(type), cancellationToken);

    public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken) =>
        Paced(Generator.Relations(kind), cancellationToken);

    public static string Uid(string type, int i) => InventoryGenerator.Uid(type, i);

    /// <summary>Hands the items on, checking for cancellation and yielding the thread now and then (generation is CPU only).</summary>
    private static async IAsyncEnumerable<T> Paced<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var item in items)
        {
            if (n++ % 5_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return item;
        }
    }
}
