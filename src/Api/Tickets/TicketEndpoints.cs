using System.Text.Json;
using Cmdb.Api.Common;
using Cmdb.Api.Tickets.Act;
using Cmdb.Api.Tickets.EditForm;
using Cmdb.Api.Tickets.Flows;
using Cmdb.Api.Tickets.Get;
using Cmdb.Api.Tickets.Inbox;
using Cmdb.Api.Tickets.List;
using Cmdb.Api.Tickets.Submit;
using Cmdb.Domain.Tickets;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cmdb.Api.Tickets;

public static class TicketEndpoints
{
    private static readonly string[] Actions = ["approve", "reject", "confirm", "submit", "cancel"];

    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/flows", Flows).WithTags("Tickets").WithName("ListFlows").WithSummary("The flows I can request, with their form schemas");
        app.MapGet("/api/inbox", Inbox).WithTags("Tickets").WithName("GetInbox").WithSummary("Tasks I can act on, oldest first");

        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapGet("/lifecycle", Lifecycle).WithName("GetTicketLifecycle").WithSummary("The ticket lifecycle as a Mermaid state diagram");
        group.MapPost("/", Submit).WithName("SubmitTicket").WithSummary("Submit a ticket (the Idempotency-Key header returns the same ticket again)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListTickets").WithSummary("Tickets I may see, newest first").ProducesValidationProblem();
        group.MapGet("/{id:long}", Get).WithName("GetTicket").WithSummary("A ticket with its timeline and the actions I may take now")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/form", EditForm).WithName("EditTicketForm").WithSummary("Change the form at an edit step, or as approver at the approval step")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        foreach (var action in Actions)
        {
            group.MapPost($"/{{id:long}}/{action}", (ISender sender, long id, [FromBody] ActRequest? body, CancellationToken ct) => Act(sender, id, action, body, ct))
                .WithName(action switch
                {
                    "submit" => "SubmitTicketTask",
                    "confirm" => "ConfirmTicketTask",
                    _ => char.ToUpperInvariant(action[0]) + action[1..] + "Ticket",
                })
                .WithSummary($"{action} the ticket, with an optional comment")
                .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        }
        return app;
    }

    public sealed record SubmitRequest(string FlowId, string Title, JsonElement Form);

    public sealed record ActRequest(string? Comment);

    public sealed record EditFormRequest(JsonElement Form, string? Comment);

    public sealed record LifecycleView(string Mermaid, IReadOnlyList<string> Statuses);

    private static async Task<Ok<IReadOnlyList<FlowOffer>>> Flows(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListFlows(), cancellationToken));

    private static async Task<Ok<IReadOnlyList<InboxItem>>> Inbox(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInbox(), cancellationToken));

    private static Ok<LifecycleView> Lifecycle() =>
        TypedResults.Ok(new LifecycleView(TicketLifecycle.Mermaid(), Enum.GetNames<TicketStatus>()));

    private static async Task<Results<Created<TicketDetail>, Ok<TicketDetail>>> Submit(
        ISender sender, SubmitRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new SubmitTicket(request.FlowId, request.Title, request.Form, idempotencyKey), cancellationToken);
        return result.Replayed
            ? TypedResults.Ok(result.Ticket)
            : TypedResults.Created($"/api/tickets/{result.Ticket.Id}", result.Ticket);
    }

    private static async Task<Ok<Paged<TicketSummary>>> List(ISender sender, bool? mine, string? status, string? flow, string? requester,
        string? text, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListTickets(mine ?? false, status, flow, requester, text, page ?? 1, pageSize ?? 20), cancellationToken));

    private static async Task<Ok<TicketDetail>> Get(ISender sender, long id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetTicket(id), cancellationToken));

    private static async Task<Ok<TicketDetail>> EditForm(ISender sender, long id, EditFormRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new EditTicketForm(id, request.Form, request.Comment), cancellationToken));

    private static async Task<Ok<TicketDetail>> Act(ISender sender, long id, string action, ActRequest? body, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ActOnTicket(id, action, body?.Comment), cancellationToken));
}
