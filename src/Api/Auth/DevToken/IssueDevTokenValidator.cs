using FluentValidation;

namespace Cmdb.Api.Auth.DevToken;

public sealed class IssueDevTokenValidator : AbstractValidator<IssueDevToken>
{
    public IssueDevTokenValidator()
    {
        RuleFor(c => c.UserName).Matches("^[a-z0-9._-]{1,64}$").When(c => !string.IsNullOrWhiteSpace(c.UserName))
            .WithMessage("User name: 1 to 64 of a-z, 0-9, '.', '_' or '-'.");
        RuleFor(c => c.DisplayName).MaximumLength(64);
        RuleForEach(c => c.Roles).Must(r => Roles.All.Contains(r.ToLowerInvariant()))
            .WithMessage($"Roles are {string.Join(", ", Roles.All)}.");
        RuleForEach(c => c.Scopes).Must(s => Scopes.All.Contains(s.ToLowerInvariant()))
            .WithMessage($"Scopes are {string.Join(", ", Scopes.All)}.");
    }
}
