namespace Cmdb.Activities;

/// <summary>
/// One kind of automated step. Activities are idempotent: run twice after a crash (with the same
/// <see cref="ActivityContext.IdempotencyKey"/>), they have the effect of running once. A failure
/// is an exception; the engine retries it and then raises an incident.
/// </summary>
public interface IActivity
{
    /// <summary>Name, inputs, outputs and outcomes, as the designer shows them and the validator checks them.</summary>
    ActivityDescriptor Descriptor { get; }

    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}
