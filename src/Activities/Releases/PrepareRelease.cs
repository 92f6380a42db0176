using System.Text.Json.Nodes;
using Cmdb.Activities.Clusters;
using Cmdb.Domain.Tickets.Forms;

namespace Cmdb.Activities.Releases;

/// <summary>修改配置, first half: makes <c>release/&lt;ticket&gt;</c> from production and the plan's stages. Run twice, it finds them made.</summary>
public sealed class PrepareRelease(ReleaseConductor conductor) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "release.prepare",
        "Create the release's temporary branch from production and its stages (uat, production, the batches).",
        [new ActivityInput("plan", "object", true, "The puppet-release form, usually 'form'.")],
        [new ActivityOutput("branch", "string", "The temporary branch."), new ActivityOutput("baseCommit", "string", "Its first commit.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var form = FormInput.Read<PuppetReleaseForm>(context, "plan");
        var plan = await conductor.PrepareAsync(context.Ticket.Id, form, cancellationToken);
        return ActivityResult.Done(new JsonObject { ["branch"] = plan.TempBranch, ["baseCommit"] = plan.BaseCommit });
    }
}
