using System.Globalization;

namespace AgriLink.Domain.Disclosure;

/// <summary>
/// A person's name as a public notice shows it (公示): the surname and the given name's last character, the rest hidden —
/// 李四福 → 李*福, 王五 → 王*, 李小二福 → 李**福; a compound surname stays whole: 欧阳修 → 欧阳*, 欧阳小明 → 欧阳*明.
/// A one-character name shows nothing (*). A household's name (王德明户) is its head's name masked, then 户: 王*明户.
/// Counted in text elements, so a character outside the BMP is one character.
/// </summary>
public static class NameMask
{
    /// <summary>The common two-character surnames (复姓) of the Hundred Family Surnames still in use.</summary>
    private static readonly HashSet<string> CompoundSurnames = new(StringComparer.Ordinal)
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "轩辕",
        "端木", "独孤", "南宫", "西门", "百里", "呼延", "闻人", "澹台", "公冶", "太史", "申屠", "钟离", "濮阳", "宗政", "单于",
    };

    private const string Household = "户";

    public static string Mask(string? name)
    {
        var letters = Letters(name?.Trim() ?? "");
        if (letters.Count >= 3 && letters[^1] == Household) return Mask(string.Concat(letters.Take(letters.Count - 1))) + Household;
        if (letters.Count <= 1) return "*";
        var surname = letters.Count >= 3 && CompoundSurnames.Contains(letters[0] + letters[1]) ? 2 : 1;
        var given = letters.Count - surname;
        var kept = string.Concat(letters.Take(surname));
        return given == 1 ? kept + "*" : kept + new string('*', given - 1) + letters[^1];
    }

    private static List<string> Letters(string text)
    {
        var letters = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) letters.Add(e.GetTextElement());
        return letters;
    }
}
