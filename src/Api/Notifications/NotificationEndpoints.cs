using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Api.Notifications.MarkRead;
using Cmdb.Api.Notifications.Mine;
using Cmdb.Api.Notifications.Outbox;
using Cmdb.Api.Notifications.Test;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Notifications;

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications");
        group.MapGet("/", Mine).WithName("ListMyNotifications").WithSummary("My notifications, unread first").ProducesValidationProblem();
        group.MapPost("/{id:long}/read", MarkRead).WithName("MarkNotificationRead").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead");
        group.MapGet("/outbox", Outbox).WithName("ListNotificationOutbox").RequireAuthorization(Permissions.CanManageNotifications)
            .WithSummary("Every notification with its delivery state (admins)").ProducesValidationProblem();
        group.MapPost("/test", SendTest).WithName("SendTestNotification").RequireAuthorization(Permissions.CanManageNotifications)
            .WithSummary("Queue a test message to a robot").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<MyNotifications>> Mine(ISender sender, bool? unreadOnly, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListMyNotifications(unreadOnly ?? false, page ?? 1, pageSize ?? 20), cancellationToken));

    private static async Task<NoContent> MarkRead(ISender sender, long id, CancellationToken cancellationToken)
    {
        await sender.Send(new MarkNotificationsRead(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MarkedRead>> MarkAllRead(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedRead(await sender.Send(new MarkNotificationsRead(null), cancellationToken)));

    private static async Task<Ok<Paged<OutboxEntry>>> Outbox(ISender sender, string? status, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListOutbox(status, page ?? 1, pageSize ?? 50), cancellationToken));

    private static async Task<Created<Queued>> SendTest(ISender sender, SendTestNotification command, CancellationToken cancellationToken)
    {
        var id = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/notifications/outbox?id={id}", new Queued(id));
    }

    public sealed record MarkedRead(int Count);

    public sealed record Queued(long Id);
}
