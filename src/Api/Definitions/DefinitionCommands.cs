using Cmdb.Api.Auth;
using Cmdb.Domain.Flows;
using Cmdb.Workflows.Definitions;
using Mediator;

namespace Cmdb.Api.Definitions;

public sealed record ValidateDefinition(string Json) : ICommand<ValidationReport>;

public sealed record SaveDraft(string FlowId, string Json) : ICommand<ValidationReport>;

public sealed record PublishDraft(string FlowId) : ICommand<int>;

public sealed record DeleteVersion(string FlowId, int Version) : ICommand<bool>;

/// <summary>Every problem of a definition, each with the JSON pointer of where it is.</summary>
public sealed record ValidationReport(bool Valid, IReadOnlyList<DefinitionProblem> Problems);

public sealed class DefinitionCommandHandlers(DefinitionStore store, DefinitionValidator validator, CurrentUser user) :
    ICommandHandler<ValidateDefinition, ValidationReport>,
    ICommandHandler<SaveDraft, ValidationReport>,
    ICommandHandler<PublishDraft, int>,
    ICommandHandler<DeleteVersion, bool>
{
    public ValueTask<ValidationReport> Handle(ValidateDefinition command, CancellationToken cancellationToken)
    {
        var problems = validator.Validate(command.Json, out _);
        return ValueTask.FromResult(new ValidationReport(problems.Count == 0, problems));
    }

    public async ValueTask<ValidationReport> Handle(SaveDraft command, CancellationToken cancellationToken)
    {
        var problems = await store.SaveDraftAsync(command.FlowId, command.Json, user.UserName, cancellationToken);
        return new ValidationReport(problems.Count == 0, problems);
    }

    public async ValueTask<int> Handle(PublishDraft command, CancellationToken cancellationToken) =>
        await store.PublishAsync(command.FlowId, user.UserName, cancellationToken);

    public async ValueTask<bool> Handle(DeleteVersion command, CancellationToken cancellationToken)
    {
        await store.DeleteVersionAsync(command.FlowId, command.Version, cancellationToken);
        return true;
    }
}
