using Cmdb.Domain.Common;
using Stateless;
using Stateless.Graph;

namespace Cmdb.Domain.Tickets;

/// <summary>
/// The ticket's status machine (Stateless). Every status change goes through it, so an action
/// that is not allowed now is refused with the status and the actions that are.
/// </summary>
public static class TicketLifecycle
{
    public static StateMachine<TicketStatus, TicketTrigger> For(Func<TicketStatus> read, Action<TicketStatus> write)
    {
        var machine = new StateMachine<TicketStatus, TicketTrigger>(read, write);
        machine.Configure(TicketStatus.Submitted)
            .Permit(TicketTrigger.Start, TicketStatus.Running)
            .Permit(TicketTrigger.AwaitApproval, TicketStatus.WaitingForApproval)
            .Permit(TicketTrigger.AwaitInput, TicketStatus.WaitingForInput)
            .Permit(TicketTrigger.Complete, TicketStatus.Completed)
            .Permit(TicketTrigger.EndRejected, TicketStatus.Rejected)
            .Permit(TicketTrigger.EndCancelled, TicketStatus.Cancelled)
            .Permit(TicketTrigger.Cancel, TicketStatus.Cancelled)
            .Permit(TicketTrigger.Fail, TicketStatus.Failed)
            .Permit(TicketTrigger.Terminate, TicketStatus.Cancelled);

        machine.Configure(TicketStatus.WaitingForApproval)
            .Permit(TicketTrigger.Approve, TicketStatus.Running)
            .Permit(TicketTrigger.Reject, TicketStatus.Running)
            .Permit(TicketTrigger.TimeOut, TicketStatus.Running)
            .Permit(TicketTrigger.Cancel, TicketStatus.Cancelled)
            .Permit(TicketTrigger.Terminate, TicketStatus.Cancelled);

        machine.Configure(TicketStatus.WaitingForInput)
            .Permit(TicketTrigger.SubmitInput, TicketStatus.Running)
            .Permit(TicketTrigger.TimeOut, TicketStatus.Running)
            .Permit(TicketTrigger.Cancel, TicketStatus.Cancelled)
            .Permit(TicketTrigger.Terminate, TicketStatus.Cancelled);

        machine.Configure(TicketStatus.Running)
            .Permit(TicketTrigger.AwaitApproval, TicketStatus.WaitingForApproval)
            .Permit(TicketTrigger.AwaitInput, TicketStatus.WaitingForInput)
            .Permit(TicketTrigger.Complete, TicketStatus.Completed)
            .Permit(TicketTrigger.EndRejected, TicketStatus.Rejected)
            .Permit(TicketTrigger.EndCancelled, TicketStatus.Cancelled)
            .Permit(TicketTrigger.Fail, TicketStatus.Failed)
            .Permit(TicketTrigger.Terminate, TicketStatus.Cancelled);

        machine.Configure(TicketStatus.Failed)
            .Permit(TicketTrigger.Retry, TicketStatus.Running)
            .Permit(TicketTrigger.Terminate, TicketStatus.Cancelled);

        machine.OnUnhandledTrigger((state, trigger) =>
        {
            var allowed = Allowed(machine, state).Select(Describe).ToList();
            throw new ConflictException(
                $"The ticket is {state}: '{Describe(trigger)}' is not allowed now" +
                (allowed.Count == 0 ? "; nothing can be done to it any more." : $"; allowed: {string.Join(", ", allowed)}."));
        });
        return machine;
    }

    /// <summary>The triggers a status permits (the machine has no guards, so its static description is exact).</summary>
    public static IReadOnlyList<TicketTrigger> Allowed(StateMachine<TicketStatus, TicketTrigger> machine, TicketStatus state) =>
        machine.GetInfo().States.Single(s => Equals(s.UnderlyingState, state))
            .FixedTransitions.Select(t => (TicketTrigger)t.Trigger.UnderlyingTrigger).ToList();

    /// <summary>The lifecycle as a Mermaid state diagram, for the UI and the docs.</summary>
    public static string Mermaid()
    {
        var status = TicketStatus.Submitted;
        return MermaidGraph.Format(For(() => status, s => status = s).GetInfo());
    }

    /// <summary>The name an action has in the API (<c>approve</c>, <c>cancel</c>, …).</summary>
    public static string Describe(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.SubmitInput => "submit",
        TicketTrigger.AwaitApproval => "await-approval",
        TicketTrigger.AwaitInput => "await-input",
        TicketTrigger.TimeOut => "time-out",
        TicketTrigger.EndRejected => "end-rejected",
        TicketTrigger.EndCancelled => "end-cancelled",
        _ => trigger.ToString().ToLowerInvariant(),
    };
}
