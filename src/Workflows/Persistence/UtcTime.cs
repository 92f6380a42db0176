namespace Cmdb.Workflows.Persistence;

internal static class UtcTime
{
    /// <summary>WorkflowCore passes UTC times; an unspecified kind is taken as UTC, never as local time.</summary>
    public static DateTime AsUtc(this DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
