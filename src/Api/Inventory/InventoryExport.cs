using System.Globalization;
using Cmdb.Api.Auth;
using Cmdb.Api.Inventory.Export;
using Cmdb.Api.Inventory.Lists;
using Cmdb.Domain.Inventory;

namespace Cmdb.Api.Inventory;

/// <summary>
/// <c>GET /api/inventory/{type}/export</c>: the list's rows with the same filters, written row by
/// row to the response as CSV or XLSX, so memory stays flat whatever the row count.
/// </summary>
public static class InventoryExport
{
    /// <summary>Excel's sheet holds 1,048,576 rows, one of them the header.</summary>
    public const int MaxRows = 1_048_575;

    public static async Task ExportAsync(HttpContext context, InventoryReader reader, CurrentUser user, string type, CancellationToken cancellationToken)
    {
        var filter = InventoryFilter.Parse(type, context.Request.Query, user.UserName);
        var format = (context.Request.Query["format"].LastOrDefault() ?? "csv").Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
            throw InventoryFilter.Invalid("format", "The format is csv or xlsx.");
        var fields = filter.Fields;

        await using var writer = TableWriters.Create(format, context.Response.Body);
        var name = $"{filter.Type.Key}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.{writer.FileExtension}";
        context.Response.ContentType = writer.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await writer.WriteHeaderAsync(fields.Select(Header).ToList(), cancellationToken);
        await foreach (var row in reader.StreamAsync(filter, MaxRows, cancellationToken))
            await writer.WriteRowAsync(fields.Select(row.Text).ToList(), cancellationToken);
        await writer.CompleteAsync(cancellationToken);
    }

    private static string Header(InventoryField field) => field.Unit is null ? field.Header : $"{field.Header}({field.Unit})";
}
