using System.Text.Json.Nodes;
using Cmdb.Integrations.Ldap;

namespace Cmdb.Activities.Ldap;

/// <summary>Sets the Puppet group attribute of a node's LDAP entry. Setting the group it already has changes nothing.</summary>
public sealed class ChangeLdapGroup(ILdapDirectory directory) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "ldap.changeGroup",
        "Change the Puppet group of a node's LDAP entry (修改Group).",
        [
            new ActivityInput("dn", "string", true, "The node entry's distinguished name."),
            new ActivityInput("group", "string", true, "The new group."),
        ],
        [
            new ActivityOutput("dn", "string", "The entry changed."),
            new ActivityOutput("previousGroup", "string", "The group before the change."),
            new ActivityOutput("changed", "boolean", "False when the entry already had the group."),
        ],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var change = await directory.ChangeGroupAsync(context.RequiredString("dn"), context.RequiredString("group"), cancellationToken);
        return ActivityResult.Done(new JsonObject
        {
            ["dn"] = change.Dn,
            ["previousGroup"] = change.PreviousGroup,
            ["changed"] = change.Changed,
        });
    }
}
