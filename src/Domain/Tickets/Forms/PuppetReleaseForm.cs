using System.ComponentModel;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>新建发布流程: a Puppet change released to uat, production and the zone branches batch by batch.</summary>
public sealed class PuppetReleaseForm
{
    public const string Name = "puppet-release";

    /// <summary>Branches a batch may never hold.</summary>
    public static readonly IReadOnlyList<string> NeverInABatch = ["uat", "dev", "production"];

    [Description("变更说明 change description")]
    public string Description { get; set; } = "";

    [Description("计划开始 window start (UTC)")]
    public DateTime WindowStart { get; set; }

    [Description("计划结束 window end (UTC); the window lasts at least one hour and ends in the future")]
    public DateTime WindowEnd { get; set; }

    [Description("批次 batches, released in this order")]
    public List<ReleaseBatch> Batches { get; set; } = [];

    [Description("发布人 release operators (user names)")]
    public List<string> Operators { get; set; } = [];

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(PuppetReleaseForm),
        Validator = new Validator(TimeProvider.System),
        Claims = form => ((PuppetReleaseForm)form).Batches.SelectMany(b => b.Zones).Select(z => new ClaimKey("release-zone", z)),
        Env = _ => "prod",
    };

    public sealed class Validator : AbstractValidator<PuppetReleaseForm>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(f => f.Description).NotEmpty().MaximumLength(2000);
            RuleFor(f => f.WindowEnd).Must((f, end) => end - f.WindowStart >= TimeSpan.FromHours(1))
                .WithMessage("The window lasts at least one hour.");
            RuleFor(f => f.WindowEnd).Must(end => end.ToUniversalTime() > clock.GetUtcNow().UtcDateTime)
                .WithMessage("The window ends in the future.");
            RuleFor(f => f.Batches).NotEmpty().WithMessage("Plan at least one batch.");
            RuleForEach(f => f.Batches).ChildRules(batch =>
            {
                batch.RuleFor(b => b.Name).NotEmpty().MaximumLength(50);
                batch.RuleFor(b => b.Zones).NotEmpty().WithMessage("A batch releases to at least one zone branch.");
                batch.RuleForEach(b => b.Zones).Must(z => !NeverInABatch.Contains(z)).WithMessage("'{PropertyValue}' is never in a batch.")
                    .Matches("^[a-z0-9][a-z0-9._-]{0,49}$").WithMessage("'{PropertyValue}' is not a branch name.");
            });
            RuleFor(f => f.Batches).Must(b => b.SelectMany(x => x.Zones).Distinct().Count() == b.Sum(x => x.Zones.Count))
                .WithMessage("A zone is in at most one batch.");
            RuleFor(f => f.Batches).Must(b => b.Select(x => x.Name).Distinct().Count() == b.Count).WithMessage("Batch names are unique.");
            RuleFor(f => f.Operators).NotEmpty().WithMessage("Name at least one release operator.");
            RuleForEach(f => f.Operators).NotEmpty().MaximumLength(100);
        }
    }
}

public sealed class ReleaseBatch
{
    [Description("批次名称 batch name")]
    public string Name { get; set; } = "";

    [Description("分区分支 zone branches")]
    public List<string> Zones { get; set; } = [];

    [Description("门店 stores of the batch")]
    public List<string> Stores { get; set; } = [];
}
