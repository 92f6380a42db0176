using Cmdb.Activities;
using Cmdb.Activities.Ldap;
using Cmdb.Activities.Notify;
using Cmdb.Activities.Puppet;
using Cmdb.Workflows.Definitions;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>An activity known only by its descriptor: the validator never runs it.</summary>
internal sealed class DescribedActivity(ActivityDescriptor descriptor) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = descriptor;

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only described, never run.");
}

/// <summary>The real activities' descriptors plus <c>test.pick</c>, an activity with named outcomes.</summary>
internal static class TestCatalog
{
    public static readonly ActivityDescriptor Pick = new(
        "test.pick", "Ends with the outcome it is given.",
        [new ActivityInput("choice", "string", true, "left or right."), new ActivityInput("note", "string", false, "Anything.")],
        [new ActivityOutput("choice", "string", "The choice.")],
        [new ActivityOutcome("left", "Went left."), new ActivityOutcome("right", "Went right.")]);

    public static ActivityCatalog Create() => new(
    [
        // Their dependencies are only used when they run; the validator reads the descriptors.
        new DeletePuppetCertificate(null!),
        new ChangeLdapGroup(null!),
        new NotifyWeCom(null!),
        new DescribedActivity(Pick),
    ]);

    public static DefinitionValidator Validator() => new(Create());
}
