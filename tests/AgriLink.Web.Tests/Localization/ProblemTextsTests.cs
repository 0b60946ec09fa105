using AgriLink.Web.Localization;
using Xunit;
using static AgriLink.Web.Tests.Localization.PageTexts;

namespace AgriLink.Web.Tests.Localization;

/// <summary>A field message from the API worded in the page's language, keeping its figures.</summary>
public sealed class ProblemTextsTests
{

    [Theory]
    [InlineData("must be between 1 and 10000.", "must be between {0} and {1}.")]
    [InlineData("must not be before the approval (2025-03-02).", "must not be before the approval ({0}).")]
    [InlineData("'hh-pz-0001' is not a member of the cooperative; admit the member first.", "{0} is not a member of the cooperative; admit the member first.")]
    [InlineData("must be more than 0 and at most 100000, with at most 3 decimals.", "must be more than {0} and at most {1}, with at most {2} decimals.")]
    [InlineData("of ¥1,234.50 and -3.5", "of {0} and {1}")]
    [InlineData("is required.", "is required.")]
    public void TemplateNumbersEachValueInOrder(string message, string template) =>
        Assert.Equal(template, ProblemTexts.Template(message));

    [Theory]
    [InlineData("must be at most 40 characters.", "最多 40 个字。")]
    [InlineData("must not be before the approval (2025-03-02).", "不能早于审批日期（2025-03-02）。")]
    [InlineData("must be between today (2026-11-30) and 730 days ahead.", "须在今天（2026-11-30）到 730 天以后之间。")]
    [InlineData("'hh-pz-0001' is not a member of the cooperative; admit the member first.", "'hh-pz-0001' 不是本社成员，请先办理入社。")]
    [InlineData("must leave a notice period of at least 7 days counting both ends; 2025-03-01 to 2025-03-05 is 5.", "公示期含首尾至少 7 天；2025-03-01 至 2025-03-05 只有 5 天。")]
    // The kind of member the domain names by its code name is a word.
    [InlineData("No 'Household' with id 'hh-zz01' is registered.", "没有登记编号为 'hh-zz01' 的 农户。")]
    [InlineData("'vc-shepeng' is a 'VillageCollective' member, not 'Household'.", "'vc-shepeng' 是 村集体 类成员，不是 农户。")]
    // A message with its own wording keeps it: the price in fen is told in yuan.
    [InlineData("must be between 1 and 100000000.", "须在 0.01 元到 100 万元之间。")]
    public void ChinesePagesWordTheMessageWithItsFigures(string message, string chinese) =>
        Assert.Equal(chinese, InCulture("zh-CN", () => ProblemTexts.Translate(T, message)));

    [Theory]
    [InlineData("en", "must be between today (2026-11-30) and 730 days ahead.")]
    [InlineData("zh-CN", "a message no one has translated (3 of them)")]
    public void WithoutAWordingTheMessageIsShownAsGiven(string culture, string message) =>
        Assert.Equal(message, InCulture(culture, () => ProblemTexts.Translate(T, message)));

    [Fact]
    public void ATranslationWithMoreValuesThanTheMessageFallsBackToTheMessage()
    {
        var t = new FixedLocalizer(new Dictionary<string, string> { ["must be at most {0} characters."] = "最多 {0} 个字，{1}。" });
        Assert.Equal("must be at most 40 characters.", ProblemTexts.Translate(t, "must be at most 40 characters."));
    }

    private sealed class FixedLocalizer(Dictionary<string, string> entries) : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] =>
            new(name, entries.GetValueOrDefault(name, name), resourceNotFound: !entries.ContainsKey(name));

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

}
