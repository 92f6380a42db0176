using FluentValidation;

namespace Cmdb.Api.Instances.Get;

public sealed class GetInstanceValidator : AbstractValidator<GetInstance>
{
    public GetInstanceValidator() => RuleFor(q => q.Id).NotEmpty().MaximumLength(36);
}
