using System.Text.RegularExpressions;
using Xunit;
using static AgriLink.Web.Tests.Localization.PageTexts;

namespace AgriLink.Web.Tests.Localization;

/// <summary>
/// A Chinese page never shows an English refusal: every rule code the sources throw has a Chinese message, every field message given to a Validator has a Chinese wording with the same figures, and every field it
/// names has a Chinese label. The sources are read for them (<see cref="RefusalSources"/>), so a new refusal without its
/// translation fails here.
/// </summary>
public sealed class ProblemTextsCoverageTests
{

    public static TheoryData<string> Codes() => new(RefusalSources.RuleCodes.Select(c => c.Text).Distinct().Order(StringComparer.Ordinal));

    public static TheoryData<string> Messages() => new(RefusalSources.FieldMessages.Select(m => m.Text).Distinct().Order(StringComparer.Ordinal));

    public static TheoryData<string> Fields() => new(RefusalSources.Fields.Select(f => f.Text).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void TheSourcesAreReadForEveryKindOfRefusal()
    {
        // A guard on the reader itself: each kind it finds, with one known example each.
        Assert.Contains(RefusalSources.RuleCodes, c => c.Text == "listing.insufficient-stock");                 // a literal
        Assert.Contains(RefusalSources.RuleCodes, c => c.Text == "order.illegal-transition");                   // a constant
        Assert.Contains(RefusalSources.RuleCodes, c => c.Text == "household.exists");                           // Guard.NotYetRegistered
        Assert.Contains(RefusalSources.FieldMessages, m => m.Text == "is required.");                           // inside the Validator
        Assert.Contains(RefusalSources.FieldMessages, m => m.Text == "must be between today ({0}) and {1} days ahead.");  // interpolated
        Assert.Contains(RefusalSources.FieldMessages, m => m.Text == "No buyer with id {0} is registered.");     // ValidationFailedException.For
        Assert.Contains(RefusalSources.FieldMessages, m => m.Text == "must be a date as yyyy-MM-dd.");          // the search API's Invalid
        Assert.DoesNotContain(RefusalSources.FieldMessages, m => m.Where.Contains("Elasticsearch", StringComparison.Ordinal));
        Assert.True(RefusalSources.RuleCodes.Select(c => c.Text).Distinct().Count() > 60);
        Assert.True(RefusalSources.FieldMessages.Select(c => c.Text).Distinct().Count() > 100);
    }

    /// <summary>
    /// Chinese pages show the code's message. English pages show the code's English message where one words it better,
    /// else the API's own detail, which is English and names the figures ("Holding h-1 has 10 shares; …").
    /// </summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryRuleCodeHasAChineseMessage(string code)
    {
        var chinese = InCulture("zh-CN", () => T["problem:" + code]);
        var english = InCulture("en", () => T["problem:" + code]);

        Assert.False(chinese.ResourceNotFound, $"No Chinese for the rule {code} ({Where(RefusalSources.RuleCodes, code)}): add problem:{code} to SharedResource.zh.resx");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese.Value);
        if (!english.ResourceNotFound)
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Value);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryFieldMessageHasAChineseWordingWithTheSameFigures(string template)
    {
        var found = RefusalSources.FieldMessages.First(m => m.Text == template);
        // A message written without holes may have its own wording; the template's is the one every other reading takes.
        var own = found.Exact is { } exact ? InCulture("zh-CN", () => T[exact]) : null;
        var chinese = InCulture("zh-CN", () => T[template]);
        Assert.True(!chinese.ResourceNotFound || own is { ResourceNotFound: false },
            $"No Chinese for \"{template}\" ({found.Where}): add it to SharedResource.zh.resx");

        var wording = chinese.ResourceNotFound ? own!.Value : chinese.Value;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", wording);
        if (!chinese.ResourceNotFound)
            Assert.Equal(Placeholders(template), Placeholders(chinese.Value));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void EveryFieldNamedInAMessageHasAChineseLabel(string field)
    {
        var label = InCulture("zh-CN", () => T["field:" + field]);
        Assert.False(label.ResourceNotFound, $"No Chinese label for the field {field} ({Where(RefusalSources.Fields, field)}): add field:{field} to SharedResource.zh.resx");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label.Value);
    }

    /// <summary>
    /// Each hole of a message that is neither quoted nor formatted was checked to give one number at run time (a number
    /// is one value in the template). A new one fails here: quote it ('{id}') when it is an id or a word, or add it
    /// after checking that it is a number.
    /// </summary>
    [Fact]
    public void BareHolesInMessagesAreNumbers()
    {
        string[] numbers =
        [
            "FirstYear", "Key.FiscalYear", "ListingDraft.MaxPriceFen", "ListingDraft.MaxStock", "ListingQuery.MaxSkip", "ListingQuery.MaxTextLength",
            "Math.Max(days, 0)", "MaxAreas", "MaxBytes", "MaxDaysAhead", "MaxKeywordLength", "MaxKeywords", "MaxLines", "MaxProducers", "MaxQuantity",
            "MaxChanges", "MaxPhotos", "MaxResolutions", "MaxStock", "ReviewScores.Highest", "ReviewScores.Lowest", "MaxWindowDays", "OrderIds.MaxKeyLength", "ReserveRates.MaxBasisPoints", "key.Year", "max", "maxRows", "min", "minimumNoticeDays",
            "nextYear", "totalVotes",
        ];
        Assert.All(RefusalSources.BareHoles, h => Assert.True(numbers.Contains(h.Text, StringComparer.Ordinal),
            $"{{{h.Text}}} at {h.Where} is neither quoted nor a checked number: quote it ('{{{h.Text}}}') if it is an id or a word."));
    }

    private static string[] Placeholders(string template) =>
        Regex.Matches(template, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string Where(IEnumerable<RefusalSources.Found> found, string text) => found.First(f => f.Text == text).Where;

}
