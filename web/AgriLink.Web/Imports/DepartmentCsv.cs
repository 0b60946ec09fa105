using System.Collections.Immutable;
using System.Text;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using CsvHelper;

namespace AgriLink.Web.Imports;

/// <summary>
/// Reads a department's CSV (医保 out-of-pocket costs, 应急 disaster losses, 民政 assistance) as departments export them:
/// UTF-8 (with or without a BOM) or GBK, which Excel in China writes. A file that is valid UTF-8 is read as UTF-8,
/// anything else as GBK (code page 936). The header names the columns, in Chinese or by their field names:
/// 类别 (kind), 年度 (year), 农户编号 (householdId), 村级区划代码 (villageCode), 户主姓名 (headName), 金额 (amount, yuan),
/// 说明 (note). A file without the required columns, or with more rows than an import takes, is refused whole.
/// </summary>
public static class DepartmentCsv
{
    static DepartmentCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the name of the encoding it was read in.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return (StrictUtf8.GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(936).GetString(bytes), "GBK");
        }
    }

    public static (ImmutableList<DepartmentRecord> Rows, string Encoding) Read(byte[] bytes, int thisYear, int maxRows)
    {
        var (text, encoding) = Decode(bytes);
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = true, TrimWhitespace = true });
        var rows = ImmutableList.CreateBuilder<DepartmentRecord>();
        int[]? columns = null;
        while (csv.Read())
        {
            columns ??= Columns(csv);
            if (rows.Count == maxRows) throw ValidationFailedException.For("file", $"must have at most {maxRows} rows.");
            string? Field(int i) => columns[i] < 0 ? null : csv.GetString(columns[i]);
            // The line a person finds the row on in a spreadsheet: the header is line 1.
            rows.Add(DepartmentRecord.Read(rows.Count + 2, Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6), thisYear));
        }
        if (rows.Count == 0) throw ValidationFailedException.For("file", "has no rows under its header.");
        return (rows.ToImmutable(), encoding);
    }

    /// <summary>Each column's index in the file (−1 when an optional one is absent); the required ones must be there.</summary>
    private static int[] Columns(CsvReader csv)
    {
        string[][] names = [["类别", "kind"], ["年度", "year"], ["农户编号", "householdId"], ["村级区划代码", "villageCode"], ["户主姓名", "headName"],
            ["金额", "金额（元）", "amount"], ["说明", "note"]];
        var found = names.Select(n => n.Select(name => csv.TryGetFieldIndex(name, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1)).ToArray();
        if (found[0] < 0 || found[1] < 0 || found[5] < 0 || (found[2] < 0 && (found[3] < 0 || found[4] < 0)))
            throw ValidationFailedException.For("file", "must have the columns 类别, 年度, 金额 and 农户编号 (or 村级区划代码 and 户主姓名).");
        return found;
    }
}
