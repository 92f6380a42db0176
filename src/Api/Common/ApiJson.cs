using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Cmdb.Api.Common;

internal static class ApiJson
{
    /// <summary>Chinese text stays readable in API answers and audit records; HTML-sensitive characters are still escaped.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static readonly JsonSerializerOptions Compact = new() { Encoder = Encoder };
}
