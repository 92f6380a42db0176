namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// A small SplitMix64 stream seeded from (seed, stream name, index). Unlike <see cref="HashCode"/>
/// or <c>string.GetHashCode</c>, which .NET randomises per process, the same inputs give the same
/// numbers in every process and on every machine, so a seed names one inventory for good.
/// </summary>
internal sealed class DemoRandom(int seed, string stream, long index)
{
    private ulong state = Mix(Mix(Fnv(stream) ^ (uint)seed) + (ulong)index);

    public int Next(int max) => max <= 1 ? 0 : (int)(NextULong() % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given chance in percent.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An item drawn with the weights given next to it.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight)
                return item;
            roll -= weight;
        }
        return items[^1].Item;
    }

    public string Hex(int digits) => (NextULong() & ((1UL << (digits * 4)) - 1)).ToString($"x{digits}");

    private ulong NextULong() => Mix(state += 0x9E3779B97F4A7C15UL);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
