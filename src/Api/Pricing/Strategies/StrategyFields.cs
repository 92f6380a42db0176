using Cmdb.Domain.Pricing;
using FluentValidation;

namespace Cmdb.Api.Pricing.Strategies;

/// <summary>The fields of a pricing strategy as a request carries them (before normalisation).</summary>
public interface IStrategyFields
{
    string? ResourceType { get; }
    string? Env { get; }
    string? HostEnv { get; }
    string? Cloud { get; }
    string? Unit { get; }
    decimal? UnitPrice { get; }
    string? Note { get; }
}

public sealed record StrategyView(long Id, string ResourceType, string Env, string HostEnv, string Cloud, string Unit, decimal UnitPrice, string? Note,
    DateTime UpdatedAt, string? UpdatedBy)
{
    public static StrategyView Of(PricingStrategy s) => new(s.Id, s.ResourceType, s.Env, s.HostEnv, s.Cloud, s.Unit, s.UnitPrice, s.Note, s.UpdatedAt, s.UpdatedBy);
}

public abstract class StrategyFieldsValidator<T> : AbstractValidator<T> where T : IStrategyFields
{
    public const decimal MaxUnitPrice = 1_000_000_000m;

    protected StrategyFieldsValidator()
    {
        Text(c => c.ResourceType, "resourceType", 64);
        Text(c => c.Env, "env", 32);
        Text(c => c.HostEnv, "hostEnv", 64);
        Text(c => c.Cloud, "cloud", 64);
        RuleFor(c => c.Unit).NotEmpty().WithName("unit")
            .Must(u => StrategyUnits.All.Contains(PricingStrategy.UnitOf(u ?? "")))
            .WithMessage(c => $"'{c.Unit}' is not one of: {string.Join(", ", StrategyUnits.All)} (any case).");
        RuleFor(c => c.UnitPrice).NotNull().WithName("unitPrice").InclusiveBetween(0, MaxUnitPrice)
            .WithMessage($"The unit price must be 0–{MaxUnitPrice:N0} CNY per unit per month.");
        RuleFor(c => c.Note).MaximumLength(1000).WithName("note");
    }

    private void Text(System.Linq.Expressions.Expression<Func<T, string?>> field, string name, int max) =>
        RuleFor(field).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"'{name}' is required (use * for any).")
            .Must(v => v is null || v.Trim().Length <= max).WithMessage($"'{name}' is at most {max} characters.");

    public static PricingStrategy Normalised(IStrategyFields fields, PricingStrategy? into = null)
    {
        var strategy = into ?? new PricingStrategy { ResourceType = "", Env = "", HostEnv = "", Cloud = "", Unit = "" };
        strategy.ResourceType = fields.ResourceType!;
        strategy.Env = fields.Env!;
        strategy.HostEnv = fields.HostEnv!;
        strategy.Cloud = fields.Cloud!;
        strategy.Unit = fields.Unit!;
        strategy.UnitPrice = fields.UnitPrice!.Value;
        strategy.Note = fields.Note;
        strategy.Normalise();
        return strategy;
    }
}
