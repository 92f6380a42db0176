using System.Text;

namespace Cmdb.Api.Tests.Inventory.Export;

/// <summary>An independent RFC 4180 reader for round trips: quoted cells, doubled quotes, CRLF record ends.</summary>
internal static class CsvText
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                    cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    cell.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                records.Add(record);
                record = [];
                cell.Clear();
                i++;
            }
            else
                cell.Append(c);
        }
        Assert.False(quoted, "a quoted cell is never closed");
        Assert.True(cell.Length == 0 && record.Count == 0, "the last record does not end with CRLF");
        return records;
    }
}
