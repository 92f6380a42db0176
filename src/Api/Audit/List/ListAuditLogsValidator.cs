using FluentValidation;

namespace Cmdb.Api.Audit.List;

public sealed class ListAuditLogsValidator : AbstractValidator<ListAuditLogs>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public ListAuditLogsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.User).MaximumLength(100);
        RuleFor(q => q.Operation).MaximumLength(200);
        RuleFor(q => q.Module).MaximumLength(100);
        RuleFor(q => q.Method).Must(m => m is null || Methods.Contains(m.ToUpperInvariant()))
            .WithMessage($"Method must be one of {string.Join(", ", Methods)}.");
        RuleFor(q => q.Status).InclusiveBetween(100, 599);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From.HasValue && q.To.HasValue)
            .WithMessage("'to' must not be before 'from'.");
    }
}
