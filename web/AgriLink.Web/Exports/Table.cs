using System.Globalization;
using MiniExcelLibs;

namespace AgriLink.Web.Exports;

/// <summary>
/// A table for download: CSV in UTF-8 with a BOM (so Excel in China opens it as UTF-8, not GBK) or .xlsx.
/// Cells are written as invariant text, so amounts keep their exact decimal form.
/// </summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object>> Rows)
{
    /// <summary>The table as a file in <paramref name="format"/> (csv or xlsx) named <paramref name="name"/> plus its extension.</summary>
    /// <exception cref="Domain.Errors.ValidationFailedException">Another format: the caller's mistake, a 400 problem.</exception>
    public Microsoft.AspNetCore.Mvc.FileContentResult File(string? format, string name) => format switch
    {
        "csv" => new(Csv(), "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" },
        "xlsx" => new(Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name + ".xlsx" },
        _ => throw Domain.Errors.ValidationFailedException.For("format", "must be csv or xlsx."),
    };

    /// <summary>Through <see cref="CsvFile"/>, the one CSV writer, which keeps formulas out.</summary>
    public byte[] Csv() =>
        CsvFile.Write(Rows.Prepend(Headers.Cast<object>().ToList()).Select(row => row.Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture))));

    public byte[] Xlsx()
    {
        var table = new System.Data.DataTable(Name);
        foreach (var header in Headers) table.Columns.Add(header, typeof(string));
        foreach (var row in Rows) table.Rows.Add(row.Select(c => (object)Convert.ToString(c, CultureInfo.InvariantCulture)!).ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }
}
