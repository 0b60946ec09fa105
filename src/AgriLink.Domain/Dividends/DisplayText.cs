using System.Globalization;
using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>Numbers as villagers read them: whole yuan without ".00", mu and percentages without trailing zeros.</summary>
internal static class DisplayText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Chinese "2,400 元" or English "¥2,400"; fen shown only when there are any ("2,400.50").</summary>
    public static string Yuan(long fen, bool chinese)
    {
        var magnitude = (ulong)Int128.Abs(fen);
        var number = (magnitude / 100).ToString("N0", Invariant) + (magnitude % 100 == 0 ? "" : $".{magnitude % 100:D2}");
        var sign = fen < 0 ? "-" : "";
        return chinese ? $"{sign}{number} 元" : $"{sign}¥{number}";
    }

    /// <summary>Yuan without a unit, for "每亩 400 元" and the like.</summary>
    public static string YuanNumber(long fen) => Yuan(fen, chinese: true)[..^2];

    public static string Mu(long milliMu) => Fraction(milliMu, 1_000, 3);

    public static string Percent(int bp) => Fraction(bp, 100, 2) + "%";

    public static string Count(long n) => n.ToString("N0", Invariant);

    public static string ClassName(ShareClass shareClass, bool chinese) => (shareClass, chinese) switch
    {
        (ShareClass.LandRight, true) => "土地",
        (ShareClass.ForestRight, true) => "林地",
        (ShareClass.CollectiveAsset, true) => "集体资产股",
        (ShareClass.FiscalFund, true) => "财政资金股",
        (ShareClass.LoanBacked, true) => "特惠贷股",
        (ShareClass.Cash, true) => "现金股",
        (ShareClass.EnterpriseInvestment, true) => "企业投资股",
        (ShareClass.LabourSkill, true) => "劳务技术股",
        (ShareClass.LandRight, false) => "Land",
        (ShareClass.ForestRight, false) => "Forest",
        (ShareClass.CollectiveAsset, false) => "Collective asset share",
        (ShareClass.FiscalFund, false) => "Fiscal fund share",
        (ShareClass.LoanBacked, false) => "Poverty loan share",
        (ShareClass.Cash, false) => "Cash share",
        (ShareClass.EnterpriseInvestment, false) => "Enterprise investment share",
        (ShareClass.LabourSkill, false) => "Labour and skill share",
        _ => shareClass.ToString(),
    };

    private static string Fraction(long value, int scale, int digits)
    {
        var magnitude = (ulong)Int128.Abs(value);
        var whole = (magnitude / (ulong)scale).ToString("N0", Invariant);
        var fraction = (magnitude % (ulong)scale).ToString("D" + digits, Invariant).TrimEnd('0');
        return $"{(value < 0 ? "-" : "")}{whole}{(fraction.Length > 0 ? "." + fraction : "")}";
    }
}
