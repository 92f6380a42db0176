namespace Cmdb.Api.Common;

/// <summary>One page of a list, with the total so the UI can draw a pager.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
