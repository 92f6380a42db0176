using Cmdb.Api.Auth;
using Cmdb.Domain.Audit;

namespace Cmdb.Api.Audit;

internal static class AuditVisibility
{
    /// <summary>An admin sees every record; an idc or cloud user only the records of their scopes.</summary>
    public static IQueryable<AuditRecord> VisibleTo(this IQueryable<AuditRecord> records, CurrentUser user)
    {
        if (user.HasRole(Roles.Admin))
            return records;
        var scopes = user.Scopes.ToList();
        return records.Where(r => r.Scope != null && scopes.Contains(r.Scope));
    }
}
