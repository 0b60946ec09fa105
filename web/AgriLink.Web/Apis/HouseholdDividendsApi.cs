using AgriLink.Web.Localization;
using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Text;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace AgriLink.Web.Apis;

/// <summary>
/// A household's shares and dividends across its cooperatives, each fen explained, with statements
/// to download (CSV in UTF-8 with BOM so Excel opens it, and .xlsx).
/// </summary>
public static class HouseholdDividendsApi
{
    public static RouteGroupBuilder MapHouseholdDividendsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/households/{id}").WithTags("Households").RequireAuthorization();
        api.MapGet("/holdings", Holdings).WithName("GetHouseholdHoldings").WithSummary("The household's shares and certificates.");
        api.MapGet("/dividends", Dividends).WithName("GetHouseholdDividends")
            .WithSummary("Each dividend with its components and the rule applied (lang=zh or en).");
        api.MapGet("/dividends/statement", Statement).WithName("GetHouseholdDividendStatement")
            .WithSummary("The dividend statement as format=csv (UTF-8 with BOM) or format=xlsx.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<ShareholderHoldings>>, ForbidHttpResult>> Holdings([AsParameters] ApiServices s, string id)
    {
        if (!await CanRead(s, id)) return TypedResults.Forbid();
        return TypedResults.Ok(await HoldingsOf(s, id, self: s.User.IsHousehold(id)));
    }

    /// <summary>
    /// A member's holdings in every cooperative whose register the caller may see it in: all of them for the member
    /// itself (<paramref name="self"/>) and operators, the caller's own cooperatives for cooperative admins.
    /// </summary>
    internal static async Task<IReadOnlyList<ShareholderHoldings>> HoldingsOf(ApiServices s, string memberId, bool self)
    {
        var result = new List<ShareholderHoldings>();
        foreach (var coop in await CooperativesOf(s, memberId, self))
        {
            var holdings = await s.Grains.GetGrain<IShareRegisterGrain>(coop.Id).HoldingsOf(memberId);
            if (holdings.Count > 0) result.Add(new(coop.Id, coop.Name, holdings));
        }
        return result;
    }

    public static async Task<Results<Ok<IReadOnlyList<ShareholderDividend>>, ForbidHttpResult>> Dividends(
        [AsParameters] ApiServices s, string id, string? lang)
    {
        if (!await CanRead(s, id)) return TypedResults.Forbid();
        return TypedResults.Ok(await DividendsOf(s, id, s.User.IsHousehold(id), Culture(lang)));
    }

    public static async Task<Results<FileContentHttpResult, ForbidHttpResult>> Statement(
        [AsParameters] ApiServices s, IStringLocalizer<SharedResource> t, string id, string? format, string? lang)
    {
        if (!await CanRead(s, id)) return TypedResults.Forbid();
        var culture = Culture(lang);
        var xlsx = (format ?? "csv").ToLowerInvariant() switch
        {
            "csv" => false,
            "xlsx" => true,
            _ => throw Domain.Errors.ValidationFailedException.For("format", "must be csv or xlsx."),
        };
        var headers = Headers(culture);
        var rows = StatementRows(headers, await DividendsOf(s, id, s.User.IsHousehold(id), culture), culture, t);
        var name = $"dividends-{id}";
        return xlsx
            ? TypedResults.File(Xlsx(headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : TypedResults.File(Csv(headers, rows), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>A member's dividends, each component explained, from the cooperatives <see cref="HoldingsOf"/> would show.</summary>
    internal static async Task<IReadOnlyList<ShareholderDividend>> DividendsOf(ApiServices s, string memberId, bool self, string culture)
    {
        var result = new List<ShareholderDividend>();
        foreach (var coop in await CooperativesOf(s, memberId, self))
        {
            var admin = s.User.AdministersCooperative(coop.Id);
            foreach (var year in await s.Grains.GetGrain<IShareRegisterGrain>(coop.Id).DeclaredYears())
            {
                var grain = s.Grains.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(coop.Id, year).ToString());
                var view = await grain.Get();
                // A member sees its line from the public notice on; a draft is still the admins' working copy.
                if (!admin && view.Declaration.Status is DeclarationStatus.Draft or DeclarationStatus.Approved) continue;
                DividendLine? line;
                try
                {
                    line = await grain.LineFor(memberId);
                }
                catch (RuleViolationException)
                {
                    // One year's declaration that cannot be shown (an unfinished computation) must not hide the others.
                    continue;
                }
                if (line is null) continue;
                var d = view.Declaration;
                result.Add(new(coop.Id, coop.Name, year, d.Status, line.PaidFen, line.OwedFen,
                    line.Components.Select(c => new ExplainedComponent(c.Kind, c.HoldingId, c.AmountFen, DividendExplainer.Explain(c, culture))).ToList(),
                    d.NoticeStart, d.NoticeEnd, d.Objections.Where(o => o.MemberId == memberId).ToList()));
            }
        }
        return result;
    }

    private static string[] Headers(string culture) => culture.StartsWith("zh", StringComparison.Ordinal)
        ? ["合作社", "年度", "状态", "项目", "股权编号", "金额（元）", "说明"]
        : ["Cooperative", "Year", "Status", "Item", "Holding", "Amount (yuan)", "Explanation"];

    private static List<Dictionary<string, object>> StatementRows(string[] headers, IReadOnlyList<ShareholderDividend> dividends, string culture,
        IStringLocalizer t)
    {
        var zh = culture.StartsWith("zh", StringComparison.Ordinal);
        // Statuses and component kinds as words of the statement's language, never their code names.
        string Word(string chinese) => zh ? chinese : t.In(chinese, culture);
        var rows = new List<Dictionary<string, object>>();
        foreach (var d in dividends)
        {
            foreach (var c in d.Components)
                rows.Add(Row(headers, d.CooperativeName, d.FiscalYear, Word(Labels.Of(d.Status)), Word(Labels.Of(c.Kind)), c.HoldingId ?? "", Yuan(c.AmountFen), c.Explanation));
            rows.Add(Row(headers, d.CooperativeName, d.FiscalYear, Word(Labels.Of(d.Status)), zh ? "合计实发" : "Total paid", "", Yuan(d.PaidFen),
                d.OwedFen > 0 ? (zh ? $"另欠保底 {Yuan(d.OwedFen)} 元" : $"Floor still owed: {Yuan(d.OwedFen)}") : ""));
        }
        return rows;
    }

    private static Dictionary<string, object> Row(string[] headers, params object[] values) =>
        headers.Zip(values).ToDictionary(p => p.First, p => p.Second);

    // Exact: integer fen to a decimal string, never through floating point.
    private static string Yuan(long fen) => new Domain.Money(fen).ToYuanString();

    private static byte[] Csv(string[] headers, List<Dictionary<string, object>> rows) =>
        Exports.CsvFile.Write(rows.Select(row => headers.Select(h => Convert.ToString(row[h], CultureInfo.InvariantCulture))).Prepend(headers));

    private static byte[] Xlsx(string[] headers, List<Dictionary<string, object>> rows)
    {
        // A table with its columns declared, so a household without dividends still gets the header row.
        var table = new System.Data.DataTable("dividends");
        foreach (var header in headers) table.Columns.Add(header, typeof(string));
        foreach (var row in rows) table.Rows.Add(headers.Select(h => (object)Convert.ToString(row[h], CultureInfo.InvariantCulture)!).ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }

    internal static string Culture(string? lang) => lang?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "zh-CN";

    private static async Task<bool> CanRead(ApiServices s, string householdId)
    {
        if (s.User.IsPlatformAdmin() || s.User.IsHousehold(householdId)) return true;
        foreach (var coopId in s.User.AdministeredCooperatives())
            if (await s.Grains.GetGrain<ICooperativeGrain>(coopId).Member(householdId) is not null) return true;
        return false;
    }

    /// <summary>
    /// The cooperatives the member (a household, an enterprise) belongs to that the caller may look into: all of them
    /// for the member itself and operators, only their own for a cooperative's admin. Read from the member index.
    /// </summary>
    private static async Task<IReadOnlyList<DirectoryEntry>> CooperativesOf(ApiServices s, string memberId, bool self) =>
        (await s.Lists.CooperativesOfMember(memberId))
            .Where(c => self || s.User.IsPlatformAdmin() || s.User.AdministersCooperative(c.Id)).ToList();
}
