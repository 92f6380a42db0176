using System.ComponentModel;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>门店修改集群: stores moving to another cluster.</summary>
public sealed class StoreReassignForm
{
    public const string Name = "store-reassign";
    public const int MaxStores = 500;

    [Description("门店 the stores to move (store ids)")]
    public List<string> StoreIds { get; set; } = [];

    [Description("目标集群 the target cluster (its id; in prod proposed by GET /api/stores/placement)")]
    public long TargetClusterId { get; set; }

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(StoreReassignForm),
        Validator = new Validator(),
        Claims = form => ((StoreReassignForm)form).StoreIds.Select(s => new ClaimKey("store", s.Trim())),
        // The env is the target cluster's; the submit rules set it from the database.
        Env = _ => null,
    };

    private sealed class Validator : AbstractValidator<StoreReassignForm>
    {
        public Validator()
        {
            RuleFor(f => f.StoreIds).NotEmpty().WithMessage("Choose at least one store.")
                .Must(s => s.Count <= MaxStores).WithMessage($"At most {MaxStores} stores per ticket.")
                .Must(s => s.Select(i => i.Trim()).Distinct().Count() == s.Count).WithMessage("A store is listed twice.");
            RuleForEach(f => f.StoreIds).NotEmpty().MaximumLength(32);
            RuleFor(f => f.TargetClusterId).GreaterThan(0).WithMessage("Choose the target cluster.");
        }
    }
}
