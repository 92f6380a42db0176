using Cmdb.Api.Auth;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Workflows.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Notifications.Test;

/// <summary>Queues a test message to a purpose's robot, so an admin can check the robot keys.</summary>
public sealed record SendTestNotification(string Purpose, string? Text) : ICommand<long>;

public sealed class SendTestNotificationHandler(CmdbDbContext db, CurrentUser user, IOptions<NotificationOptions> options)
    : ICommandHandler<SendTestNotification, long>
{
    public async ValueTask<long> Handle(SendTestNotification command, CancellationToken cancellationToken)
    {
        var record = NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = NotificationEvent.Test,
            Description = command.Text ?? "Cmdb test message",
            Operator = user.DisplayName,
        }, command.Purpose.ToLowerInvariant(), recipientRole: Roles.Admin, language: options.Value.Language);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}

public sealed class SendTestNotificationValidator : AbstractValidator<SendTestNotification>
{
    public SendTestNotificationValidator()
    {
        RuleFor(c => c.Purpose).NotEmpty().Must(p => NotificationPurposes.All.Contains(p?.ToLowerInvariant()))
            .WithMessage($"Purpose must be one of {string.Join(", ", NotificationPurposes.All)}.");
        RuleFor(c => c.Text).MaximumLength(1000);
    }
}
