using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace AgriLink.Web.Exports;

/// <summary>
/// The one CSV writer of every export: UTF-8 with a BOM (so Excel in China opens it as UTF-8, not GBK), and no cell a
/// spreadsheet would run as a formula (issue 16, item 6). A cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return gets a leading single quote (OWASP's CSV injection rule), so <c>=HYPERLINK(…)</c> shows as the
/// text it is; a plain number (<c>-12.50</c>) stays a number.
/// </summary>
public static partial class CsvFile
{
    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Neutralised(cell ?? ""));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    /// <summary>The cell as text a spreadsheet shows and never evaluates.</summary>
    public static string Neutralised(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(cell) ? "'" + cell : cell;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
