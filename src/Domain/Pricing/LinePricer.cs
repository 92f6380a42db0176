namespace Cmdb.Domain.Pricing;

/// <summary>The components of one item from the price book, Tencent's rules or the IDC strategies.</summary>
internal sealed class LinePricer(ResolvedItem item, PriceBook book, StrategyBook strategies, TencentPriceRules rules, List<EstimateLine> lines, List<string> unpriced,
    bool keepZeroLines)
{
    private bool Tencent => item.Vendor == PricingNames.Tencent;

    public void Price()
    {
        switch (item)
        {
            case ResolvedServer s:
                Book(PricingNames.Server, s.Spec.Id, Components.Instance, s.Spec.Display, 1);
                if (s.Image is { Windows: true } image)
                    Book(PricingNames.Server, "image:windows", Components.Image, image.Name, 1);
                Disk(s.SystemDisk, Components.SystemDisk);
                foreach (var disk in s.DataDisks)
                    Disk(disk, Components.DataDisk);
                if (s.BandwidthMbps > 0)
                    Book(PricingNames.Server, "bandwidth", Components.Bandwidth, $"{s.BandwidthMbps} Mbps", s.BandwidthMbps);
                break;
            case ResolvedCloudDisk d:
                Disk(d.Disk, Components.Disk);
                break;
            case ResolvedRds r when Tencent && r.Engine.Id == "mariadb":
                Rule(Components.Instance, $"{r.Engine.Name} {r.Class.Display}, {rules.MariaDbNodes} nodes", r.InstanceKey, PriceUnits.Month,
                    rules.MariaDbInstanceMonthly(r.Class.Cpu, r.Class.Memory, r.Region), 1);
                Rule(Components.Storage, $"{r.Storage} GB × {rules.MariaDbNodes} nodes", r.StorageKey, PriceUnits.GbMonth,
                    rules.MariaDbStorageUnitPrice(r.Region), r.Storage);
                break;
            case ResolvedRds r:
                Book(PricingNames.Rds, r.InstanceKey, Components.Instance, $"{r.Engine.Name} {r.Version} {r.Series} {r.InstanceType} {r.Class.Display}", 1);
                Book(PricingNames.Rds, r.StorageKey, Components.Storage, $"{r.Storage} GB", r.Storage);
                break;
            case ResolvedRedis r:
                Book(PricingNames.Redis, r.Spec.Id, Components.Instance, $"Redis {r.Version} {r.Spec.Architecture} {r.Spec.CapacityGb} GB", 1);
                break;
            case ResolvedLb l:
                Book(PricingNames.Lb, l.Spec.Id, Components.Instance, $"{l.Spec.Name} instance", 1);
                Book(PricingNames.Lb, l.Spec.Id, Components.Spec, $"{l.Spec.Name} ({l.Spec.Id}) spec", 1);
                if (l.BandwidthMbps > 0)
                    Book(PricingNames.Lb, "bandwidth", Components.Bandwidth, $"{l.BandwidthMbps} Mbps", l.BandwidthMbps);
                break;
            case ResolvedEip e:
                Book(PricingNames.Server, "bandwidth", Components.Bandwidth, $"{e.BandwidthMbps} Mbps", e.BandwidthMbps);
                break;
            case ResolvedIdc { Physical: true } idc:
                Strategy(idc, "server", Components.Instance, idc.Cpu, idc.Memory);
                break;
            case ResolvedIdc idc:
                if (idc.Kind == PricingNames.Server)
                {
                    if (idc.Cpu > 0)
                        Strategy(idc, "cpu", Components.Cpu, idc.Cpu, idc.Cpu);
                    if (idc.Memory > 0)
                        Strategy(idc, "memory", Components.Memory, idc.Cpu, idc.Memory);
                }
                if (idc.DiskGb > 0)
                    Strategy(idc, "disk", Components.Disk, idc.Cpu, idc.DiskGb);
                break;
        }
    }

    private void Add(EstimateLine line) => PriceEstimator.Add(lines, line, keepZeroLines);

    private void Disk(ResolvedDisk disk, string component)
    {
        var description = $"{disk.Type.Name} ({disk.Type.Id}) {disk.Size} GB";
        if (Tencent)
            Rule(component, description, disk.Type.Id, PriceUnits.GbMonth, rules.DiskUnitPrice(disk.Type.Id, item.Region), disk.Size);
        else
            Book(PricingNames.Disk, disk.Type.Id, Components.Disk, description, disk.Size, component);
    }

    private void Book(string kind, string key, string bookComponent, string description, decimal units, string? component = null)
    {
        var quote = book.Find(item.Vendor, item.Region, kind, key, bookComponent);
        if (quote is null)
        {
            unpriced.Add($"{component ?? bookComponent}: no price book entry for {item.Vendor} {item.Region} {kind} '{key}' {bookComponent}");
            return;
        }
        var source = quote.Source == PriceSources.Live ? LineSources.Live : quote.Source == PriceSources.Rule ? LineSources.Rule : LineSources.PriceBook;
        Add(new EstimateLine(component ?? bookComponent, description, key, quote.Unit, quote.UnitPrice, units,
            Money.Round(quote.UnitPrice * units * item.Quantity), source, quote.Source == PriceSources.Sample));
    }

    private void Rule(string component, string description, string key, string unit, decimal unitPrice, decimal units) =>
        Add(new EstimateLine(component, description, key, unit, unitPrice, units, Money.Round(unitPrice * units * item.Quantity),
            LineSources.Rule, rules.Sample));

    private void Strategy(ResolvedIdc idc, string resourceType, string component, decimal cores, decimal gigabytes)
    {
        var strategy = strategies.Find(resourceType, idc.Env, idc.HostEnv, idc.Cloud);
        var units = strategy is null ? null : StrategyBook.Units(strategy, cores, gigabytes);
        if (strategy is null || units is null)
        {
            unpriced.Add(strategy is null
                ? $"{component}: no pricing strategy for {resourceType}, env {idc.Env}, host env {idc.HostEnv}, cloud {idc.Cloud} (nor a '*' or idc one)"
                : $"{component}: the strategy's unit '{strategy.Unit}' is not one of {string.Join(", ", StrategyUnits.All)}");
            return;
        }
        Add(new EstimateLine(component, $"{resourceType} {units} {strategy.Unit} ({strategy.Env}/{strategy.HostEnv}/{strategy.Cloud})",
            $"strategy:{strategy.Id}", strategy.Unit, strategy.UnitPrice, units.Value, Money.Round(strategy.UnitPrice * units.Value * item.Quantity),
            LineSources.IdcStrategy, false));
    }
}
