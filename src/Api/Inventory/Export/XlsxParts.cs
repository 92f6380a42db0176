using System.Security;

namespace Cmdb.Api.Inventory.Export;

/// <summary>The fixed parts of a one-sheet workbook (SpreadsheetML, ECMA-376), and the rules Excel sets for its sheets and cells.</summary>
internal static class XlsxParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    /// <summary>Style index of the bold header cells in <see cref="Styles"/>.</summary>
    public const string HeaderStyle = "1";

    public const string ContentTypes = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    public const string PackageRelationships = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    public const string WorkbookRelationships = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    /// <summary>Two cell formats: 0 plain, 1 bold (the header).</summary>
    public const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    public static string Workbook(string sheetName) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    /// <summary>
    /// Excel's sheet name rules: 1 to 31 characters, none of <c>: \ / ? * [ ]</c>, no apostrophe
    /// first or last, not <c>History</c>. Anything else is made to fit rather than refused.
    /// </summary>
    public static string SafeSheetName(string? name)
    {
        var kept = new string((name ?? "").Where(c => c >= ' ' && c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim().Trim('\'');
        kept = Truncate(kept, 31).Trim();
        if (kept.Length == 0)
            return "Sheet1";
        return kept.Equals("History", StringComparison.OrdinalIgnoreCase) ? kept + "_" : kept;
    }

    /// <summary>At most <paramref name="length"/> UTF-16 characters, never cutting a surrogate pair in two.</summary>
    public static string Truncate(string text, int length)
    {
        if (text.Length <= length)
            return text;
        return text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    /// <summary>The text without the characters XML 1.0 cannot carry (most C0 controls, U+FFFE, U+FFFF, lone surrogates).</summary>
    public static string XmlSafe(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
            return text;
        var kept = new System.Text.StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                kept.Append(text[i]).Append(text[++i]);
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
                kept.Append(text[i]);
        }
        return kept.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (!System.Xml.XmlConvert.IsXmlChar(text[i]))
                return i;
        }
        return -1;
    }
}
