using System.Data;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Pricing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Pricing.Report;

/// <summary>The estimated monthly cost of the inventory, grouped by project, owner or cloud.</summary>
public sealed record GetCostReport(string? GroupBy) : IQuery<CostReport>;

public sealed record CostGroup(string Key, decimal Monthly, long Resources, long Unpriced, IReadOnlyDictionary<string, decimal> ByType);

/// <param name="Examples">A few resource names of this reason (at most <see cref="GetCostReportHandler.MaxExamples"/>).</param>
public sealed record UnpricedReason(string Type, string Reason, long Count, IReadOnlyList<string> Examples);

public sealed record CostReport(string GroupBy, string Currency, string Period, IReadOnlyList<CostGroup> Groups, decimal Monthly, long PricedResources,
    long UnpricedResources, IReadOnlyList<UnpricedReason> Unpriced, bool Sample, string? Notice);

public sealed class GetCostReportHandler(
    IDbContextFactory<CmdbDbContext> contexts, DatabaseOptions database, InventoryPricing pricing, PriceEstimator estimator, IPriceBookProvider priceBook)
    : IQueryHandler<GetCostReport, CostReport>
{
    public const int MaxExamples = 10;
    public const string NoGroup = "(none)";

    public async ValueTask<CostReport> Handle(GetCostReport query, CancellationToken cancellationToken)
    {
        var groupBy = (query.GroupBy ?? "project").ToLowerInvariant();
        var book = await priceBook.CurrentAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategies = new StrategyBook(await db.PricingStrategies.AsNoTracking().ToListAsync(cancellationToken));
        var groups = new Dictionary<string, (decimal Monthly, long Resources, long Unpriced, Dictionary<string, decimal> ByType)>();
        var unpriced = new Dictionary<(string Type, string Reason), (long Count, List<string> Examples)>();
        var sample = false;

        // Many rows differ only in their group: each distinct priced thing is resolved and priced once, for one unit.
        var prices = new Dictionary<InventoryPriceKey, UnitPrice>();
        await foreach (var (key, group, example) in ReadAsync(db, groupBy, cancellationToken))
        {
            var g = groups.TryGetValue(group, out var found) ? found : (0m, 0L, 0L, new Dictionary<string, decimal>());
            var unit = key with { Count = 1 };
            if (!prices.TryGetValue(unit, out var price))
                prices[unit] = price = await PriceOneAsync(unit, book, strategies, cancellationToken);
            if (price.Reason is { } reason)
            {
                var u = unpriced.TryGetValue((key.Type, reason), out var list) ? list : (0L, new List<string>());
                if (u.Item2.Count < MaxExamples)
                    u.Item2.Add(example);
                unpriced[(key.Type, reason)] = (u.Item1 + key.Count, u.Item2);
                groups[group] = (g.Item1, g.Item2 + key.Count, g.Item3 + key.Count, g.Item4);
                continue;
            }
            // As an estimate does: each line is unit price × units × quantity, rounded, then summed.
            var monthly = price.LineAmounts.Sum(amount => Money.Round(amount * key.Count));
            sample |= price.Sample;
            g.Item4[key.Type] = g.Item4.GetValueOrDefault(key.Type) + monthly;
            groups[group] = (g.Item1 + monthly, g.Item2 + key.Count, g.Item3, g.Item4);
        }

        var rows = groups.Select(g => new CostGroup(g.Key, g.Value.Monthly, g.Value.Resources, g.Value.Unpriced, g.Value.ByType))
            .OrderByDescending(g => g.Monthly).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var reasons = unpriced.Select(u => new UnpricedReason(u.Key.Type, u.Key.Reason, u.Value.Count, u.Value.Examples))
            .OrderByDescending(u => u.Count).ToList();
        var unpricedCount = reasons.Sum(r => r.Count);
        return new CostReport(groupBy, "CNY", "month", rows, rows.Sum(r => r.Monthly), rows.Sum(r => r.Resources) - unpricedCount, unpricedCount, reasons,
            sample, sample ? EstimateResult.SampleNotice : null);
    }

    private sealed record UnitPrice(IReadOnlyList<decimal> LineAmounts, bool Sample, string? Reason);

    private async Task<UnitPrice> PriceOneAsync(InventoryPriceKey key, PriceBook book, StrategyBook strategies, CancellationToken cancellationToken)
    {
        var (item, reason) = pricing.Resolve(key);
        if (item is null)
            return new UnitPrice([], false, reason);
        var estimate = await estimator.EstimateAsync(0, item, book, strategies, cancellationToken, keepZeroLines: true);
        if (estimate.Lines.Count == 0 && estimate.Unpriced.Count > 0)
            return new UnitPrice([], false, estimate.Unpriced[0]);
        return new UnitPrice([.. estimate.Lines.Select(l => l.UnitPrice * l.Units)], estimate.Sample, null);
    }

    /// <summary>Resources of the priced types, counted per group and pricing-relevant fields (one row per distinct combination).</summary>
    private async IAsyncEnumerable<(InventoryPriceKey Key, string Group, string Example)> ReadAsync(CmdbDbContext db, string groupBy,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = CostReportSql.Build(groupBy, database.Provider == DatabaseProvider.MySql);
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? S(int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            var key = new InventoryPriceKey(S(0)!, S(1) ?? "", S(2), S(3), S(4), S(5), S(6), S(7), S(8), S(9), S(10), S(11), S(12), S(13),
                Convert.ToInt64(reader.GetValue(15)));
            var name = S(14);
            yield return (key, string.IsNullOrEmpty(name) ? NoGroup : name, S(16) ?? "");
        }
    }
}

public sealed class GetCostReportValidator : AbstractValidator<GetCostReport>
{
    public GetCostReportValidator() =>
        RuleFor(q => q.GroupBy).Must(g => g is null || CostReportSql.GroupBys.Contains(g.ToLowerInvariant()))
            .WithMessage(q => $"'{q.GroupBy}' is not one of: {string.Join(", ", CostReportSql.GroupBys)}.");
}
