using FluentValidation;
using WorkflowCore.Models;

namespace Cmdb.Api.Instances.List;

public sealed class ListInstancesValidator : AbstractValidator<ListInstances>
{
    public ListInstancesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.Status)
            .Must(s => s is null || Enum.TryParse<WorkflowStatus>(s, ignoreCase: true, out _))
            .WithMessage($"Status must be one of: {string.Join(", ", Enum.GetNames<WorkflowStatus>())}.");
        RuleFor(q => q.Definition).MaximumLength(200);
        RuleFor(q => q.Reference).MaximumLength(200);
    }
}
