using System.Collections.Immutable;
using System.Globalization;
using AgriLink.Domain.Codes;

namespace AgriLink.Domain.Monitoring;

/// <summary>What another department's row reports (部门筛查预警).</summary>
[GenerateSerializer, Alias("AgriLink.DepartmentDataKind")]
public enum DepartmentDataKind
{
    /// <summary>医保部门: medical costs the household paid out of pocket (added to its declared medical expenses).</summary>
    Medical = 0,
    /// <summary>应急管理部门: disaster losses (added to its declared disaster losses).</summary>
    DisasterLoss = 1,
    /// <summary>民政部门: assistance granted (低保、临时救助、特困供养): a warning that opens a case.</summary>
    Assistance = 2,
}

/// <summary>A field of a row that did not validate, and why (the API's words; the page translates them).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.RowError")]
public sealed record RowError([property: Id(0)] string Field, [property: Id(1)] string Message);

/// <summary>
/// One row of a department's CSV (its line in the file), read field by field: the kind of data, the year, the household
/// (its platform id, or its village's 12-digit code and the head's name), the amount in yuan (kept in fen) and a note.
/// A row with <see cref="Errors"/> is shown in the preview and never applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DepartmentRecord")]
public sealed record DepartmentRecord(
    [property: Id(0)] int Line,
    [property: Id(1)] DepartmentDataKind Kind,
    [property: Id(2)] int Year,
    [property: Id(3)] string? HouseholdId,
    [property: Id(4)] string? VillageCode,
    [property: Id(5)] string? HeadName,
    [property: Id(6)] long AmountFen,
    [property: Id(7)] string Note,
    [property: Id(8)] ImmutableList<RowError> Errors)
{
    /// <summary>The words each kind is written with in a department's file (Chinese or the code name).</summary>
    private static readonly Dictionary<string, DepartmentDataKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["医疗自付"] = DepartmentDataKind.Medical, ["医疗"] = DepartmentDataKind.Medical, ["Medical"] = DepartmentDataKind.Medical,
        ["灾害损失"] = DepartmentDataKind.DisasterLoss, ["受灾"] = DepartmentDataKind.DisasterLoss, ["DisasterLoss"] = DepartmentDataKind.DisasterLoss,
        ["民政救助"] = DepartmentDataKind.Assistance, ["救助"] = DepartmentDataKind.Assistance, ["Assistance"] = DepartmentDataKind.Assistance,
    };

    public bool IsValid => Errors.IsEmpty;

    /// <summary>Reads a row's fields (as text); each field that does not hold is named in <see cref="Errors"/>.</summary>
    public static DepartmentRecord Read(int line, string? kind, string? year, string? householdId, string? villageCode, string? headName,
        string? amount, string? note, int thisYear)
    {
        var errors = ImmutableList.CreateBuilder<RowError>();
        (kind, year, householdId, villageCode, headName, amount, note) =
            (kind?.Trim(), year?.Trim(), Blank(householdId), Blank(villageCode), Blank(headName), amount?.Trim().Replace(",", ""), note?.Trim() ?? "");
        if (kind is null || !KindWords.TryGetValue(kind, out var k))
        {
            k = default;
            errors.Add(new("kind", "must be 医疗自付, 灾害损失 or 民政救助."));
        }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2014 || y > thisYear)
            errors.Add(new("year", $"must be a year between 2014 and {thisYear}."));
        if (householdId is null && (villageCode is null || headName is null))
            errors.Add(new("householdId", "is required, or the village code and the head's name."));
        if (villageCode is not null && !AreaCode.IsVillage(villageCode))
            errors.Add(new("villageCode", "must be a village's 12-digit statistical division code (统计用区划代码)."));
        if (headName is { Length: > 50 }) errors.Add(new("headName", "must be at most 50 characters."));
        if (note.Length > 500) errors.Add(new("note", "must be at most 500 characters."));
        long fen = 0;
        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || decimal.Round(yuan, 2) != yuan
            || (fen = (long)(yuan * 100)) > DeclaredIncome.MaxFen)
            errors.Add(new("amount", "must be an amount in yuan from 0 to 10000000 with at most 2 decimals."));
        return new(line, k, y, householdId, villageCode, headName, fen, note, errors.ToImmutable());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
