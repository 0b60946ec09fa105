using System.Globalization;
using System.Text.RegularExpressions;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using AgriLink.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Xunit;
using static AgriLink.Web.Tests.Localization.PageTexts;

namespace AgriLink.Web.Tests.Matching;

/// <summary>
/// Match explanations on English pages: every code and phrase the matcher can give (MatchExplanations.Templates, which
/// the domain tests hold to exactly what the scorer reaches) has an English template with the same placeholders.
/// </summary>
public sealed class MatchTextsTests
{

    public static TheoryData<string> Codes() => new(MatchExplanations.Templates.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCodeHasAnEnglishTemplateWithTheSamePlaceholders(string code)
    {
        var chinese = MatchExplanations.Templates[code];
        var english = InCulture("en", () => T[chinese]);

        Assert.False(english.ResourceNotFound, $"No English for {code}: add \"{chinese}\" to SharedResource.en.resx");
        Assert.False(string.IsNullOrWhiteSpace(english.Value));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Value);
        Assert.Equal(MatchExplanations.Placeholders(chinese).Order(StringComparer.Ordinal),
            MatchExplanations.Placeholders(english.Value).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> SplitTemplates() => new(Apis.DemandMatching.SplitTemplates);

    [Theory]
    [MemberData(nameof(SplitTemplates))]
    public void EverySplitExplanationHasAnEnglishTemplateWithTheSamePlaceholders(string chinese)
    {
        var english = InCulture("en", () => T[chinese]);

        Assert.False(english.ResourceNotFound, $"No English for the split explanation: add \"{chinese}\" to SharedResource.en.resx");
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Value);
        Assert.Equal(Numbered(chinese), Numbered(english.Value));

        static string[] Numbered(string template) =>
            Regex.Matches(template, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void EnglishWordsUnitsAndPhrasesAndMarksPlacesAsChinese()
    {
        Assert.Equal("""Delivers to <span lang="zh-CN">广东省</span>; in stock, can arrive before the delivery date 2026-12-30.""",
            English("delivery.ready", MatchArgument.Phrase("reach", "delivery.reach-area"), MatchArgument.Place("area", "广东省"),
                MatchArgument.Text("deliverBy", "2026-12-30")));
        Assert.Equal("The product is sold by the box, which does not convert to the demand&#x27;s kg.",
            English("unit.incompatible", MatchArgument.UnitOf("listingUnit", Unit.Box), MatchArgument.UnitOf("demandUnit", Unit.Kilogram)));
        Assert.Equal("""Not certified as a poverty-alleviation product; from <span lang="zh-CN">南明区</span>, which is not on the deep-poverty county list.""",
            English("poverty.none", MatchArgument.Place("place", "南明区"), MatchArgument.Phrase("weighting", "")));
        Assert.EndsWith("county. (weighted double: the buyer prefers deep-poverty counties)",
            English("poverty.certified-deep-county", MatchArgument.Place("place", "从江县"), MatchArgument.Phrase("weighting", "poverty.weight-doubled")));
        Assert.Equal("The category is Tea; the demand wants Grain and oil.",
            English("category.mismatch", new MatchArgument("listingCategory", MatchArgumentKind.Category, "Tea"),
                new MatchArgument("demandCategory", MatchArgumentKind.Category, "Grain")));
    }

    [Fact]
    public void ChinesePagesShowTheExplanationAsItIsAndOlderResultsStayMarkedChinese()
    {
        MatchArgument[] args = [MatchArgument.Text("remaining", "¥1.00")];

        Assert.Equal("认定扶贫产品，计入预留份额（尚差¥1.00）。&lt;",
            InCulture("zh-CN", () => Html(MatchTexts.Explain("quota.counts", args, "认定扶贫产品，计入预留份额（尚差¥1.00）。<", T))));
        Assert.Equal("""<span lang="zh-CN">旧的说明</span>""", InCulture("en", () => Html(MatchTexts.Explain("quota.counts", null, "旧的说明", T))));
        Assert.Equal("""<span lang="zh-CN">新的说明</span>""", InCulture("en", () => Html(MatchTexts.Explain("quota.unheard-of", args, "新的说明", T))));
    }

    private static string English(string code, params MatchArgument[] arguments) =>
        InCulture("en", () => Html(MatchTexts.Explain(code, arguments, "（中文）", T)));

    private static string Html(IHtmlContent content) => Assert.IsType<HtmlString>(content).Value!;
}
