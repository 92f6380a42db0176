using Cmdb.Domain.Persistence;
using Cmdb.Domain.Pricing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Pricing.Estimate;

/// <summary>Monthly prices of several items; with <c>Compare</c>, the cloud items at Alibaba and at Tencent side by side.</summary>
public sealed record EstimatePrices(IReadOnlyList<EstimateItem>? Items, bool Compare = false) : IQuery<EstimateResult>;

public sealed class EstimatePricesHandler(
    ItemResolver resolver, PriceEstimator estimator, VendorMapper mapper, IPriceBookProvider priceBook, IDbContextFactory<CmdbDbContext> contexts)
    : IQueryHandler<EstimatePrices, EstimateResult>
{
    public async ValueTask<EstimateResult> Handle(EstimatePrices query, CancellationToken cancellationToken)
    {
        var items = query.Items!.Select(i => resolver.Resolve(i).Item!).ToList();
        var book = await priceBook.CurrentAsync(cancellationToken);
        var strategies = await StrategiesAsync(items, cancellationToken);
        var estimates = new List<ItemEstimate>(items.Count);
        for (var i = 0; i < items.Count; i++)
            estimates.Add(await estimator.EstimateAsync(i, items[i], book, strategies, cancellationToken));

        List<VendorEstimate>? comparison = null;
        if (query.Compare)
        {
            comparison = [];
            foreach (var vendor in PricingNames.CloudVendors)
            {
                var column = new List<ItemEstimate>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is ResolvedIdc)
                        continue;
                    var (mapped, note) = mapper.Map(items[i], vendor);
                    column.Add(note is null ? estimates[i] : await estimator.EstimateAsync(i, mapped!, book, strategies, cancellationToken, note));
                }
                var notes = items.Any(i => i is ResolvedIdc) ? new[] { "IDC items are priced by strategies and are not compared." } : [];
                comparison.Add(new VendorEstimate(vendor, column, column.Sum(c => c.Monthly), column.Any(c => c.Sample), notes));
            }
        }
        return PriceEstimator.Total(estimates, comparison);
    }

    private async Task<StrategyBook> StrategiesAsync(List<ResolvedItem> items, CancellationToken cancellationToken)
    {
        if (!items.Any(i => i is ResolvedIdc))
            return StrategyBook.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new StrategyBook(await db.PricingStrategies.AsNoTracking().ToListAsync(cancellationToken));
    }
}

public sealed class EstimatePricesValidator : AbstractValidator<EstimatePrices>
{
    public EstimatePricesValidator(ItemResolver resolver)
    {
        RuleFor(q => q.Items).NotEmpty().WithMessage("At least one item is required.")
            .Must(i => i!.Count <= EstimateLimits.MaxItems).WithMessage($"At most {EstimateLimits.MaxItems:N0} items per estimate.");
        RuleFor(q => q.Items).Custom((items, context) =>
        {
            if (items is null || items.Count > EstimateLimits.MaxItems)
                return;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    context.AddFailure($"items[{i}]", "An item is required.");
                    continue;
                }
                foreach (var problem in resolver.Resolve(items[i]).Problems)
                    context.AddFailure($"items[{i}].{problem.Field}", problem.Message);
            }
        });
    }
}
