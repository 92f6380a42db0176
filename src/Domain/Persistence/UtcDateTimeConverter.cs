using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cmdb.Domain.Persistence;

/// <summary>
/// Every timestamp is stored in UTC; neither MySQL DATETIME nor SQLite text keeps the kind,
/// so values read back are marked UTC again.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue && v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime() : v,
    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
