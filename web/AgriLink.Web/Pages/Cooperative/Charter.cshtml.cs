using System.Globalization;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's charter (章程) as its admins write and amend it (<c>SharesApi.GetCharter</c>/<c>SetCharter</c>): the
/// reserve and welfare rates, the trade return (60% at least, by law), what happens when the floors cannot all be paid,
/// preferred shares, the fiscal year and the notice period, and the floor rules by share class. Rates are typed as
/// percents and kept in basis points; a per-mu amount is typed in yuan and kept in fen. Without a charter no
/// distribution can be prepared.
/// </summary>
public sealed class CharterModel(Grains.Projections.NoticeBoardQueries board) : CooperativePage
{
    /// <summary>Empty floor rows under the recorded ones, for adding rules.</summary>
    public const int BlankFloorRows = 3;

    public bool Recorded { get; private set; }

    /// <summary>The passed charter amendments of the cooperative's recent assemblies, as "assembly-id/resolution-id" and their titles.</summary>
    public IReadOnlyList<(string Reference, string Title)> Amendments { get; private set; } = [];

    /// <summary>The amendment resolution a change of the recorded charter is registered under.</summary>
    [BindProperty, ProblemField("resolution")] public string? Resolution { get; set; }

    [BindProperty, ProblemField("reserveRateBp")] public decimal ReservePercent { get; set; } = 10;
    [BindProperty, ProblemField("welfareRateBp")] public decimal WelfarePercent { get; set; } = 5;
    [BindProperty, ProblemField("tradeReturnRateBp")] public decimal TradeReturnPercent { get; set; } = 60;
    [BindProperty, ProblemField("shortfallPolicy")] public ShortfallPolicy ShortfallPolicy { get; set; } = ShortfallPolicy.ProRataCut;
    [BindProperty, ProblemField("preferredExitPolicy")] public PreferredExitPolicy PreferredExitPolicy { get; set; } = PreferredExitPolicy.ReassignToPoorHouseholds;
    [BindProperty, ProblemField("preferredFloorBp")] public decimal PreferredFloorPercent { get; set; }
    [BindProperty, ProblemField("fiscalYearEndMonth")] public int FiscalYearEndMonth { get; set; } = 12;
    [BindProperty, ProblemField("noticeDays")] public int NoticeDays { get; set; } = 7;
    [BindProperty, ProblemField("floors")] public List<FloorRow> Floors { get; set; } = [];

    /// <summary>One floor rule as typed: a row without a share class is left out.</summary>
    public sealed class FloorRow
    {
        public ShareClass? ShareClass { get; set; }
        public FloorKind Kind { get; set; }

        /// <summary>Yuan per mu for the per-mu kinds, a percent otherwise.</summary>
        public string? Value { get; set; }

        /// <summary>Percents by year of holding ("6, 8, 10"), for a percent-of-principal floor that steps up.</summary>
        public string? Steps { get; set; }
    }

    public async Task OnGetAsync()
    {
        var coop = await Cooperative();
        // None recorded yet: the form starts from the law's 60% trade return and no floors (the properties' defaults).
        if ((await SharesApi.GetCharter(Api, coop)).Result is not Microsoft.AspNetCore.Http.HttpResults.NotFound and var answer)
        {
            var charter = Value<Charter>(answer);
            Recorded = true;
            ReservePercent = Percent(charter.ReserveRateBp);
            WelfarePercent = Percent(charter.WelfareRateBp);
            TradeReturnPercent = Percent(charter.TradeReturnRateBp);
            ShortfallPolicy = charter.ShortfallPolicy;
            PreferredExitPolicy = charter.PreferredExitPolicy;
            PreferredFloorPercent = Percent(charter.PreferredFloorBp);
            FiscalYearEndMonth = charter.FiscalYearEndMonth;
            NoticeDays = charter.NoticeDays;
            Floors = charter.Floors.Select(Row).ToList();
            await LoadAmendments(coop);
        }
        Floors.AddRange(Enumerable.Range(0, BlankFloorRows).Select(_ => new FloorRow()));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Cooperative();
        var floors = new List<FloorRule>();
        for (var i = 0; i < Floors.Count; i++)
        {
            if (Floors[i] is not { ShareClass: { } shareClass } row) continue;
            var field = $"{nameof(Floors)}[{i}]";
            var steps = StepsBp(row.Steps, $"{field}.{nameof(FloorRow.Steps)}");
            long? value = row.Kind is FloorKind.PerMu or FloorKind.CoordinationFeePerMu
                ? FormValues.Fen(ModelState, T, $"{field}.{nameof(FloorRow.Value)}", row.Value)
                : steps is { Count: > 0 } && string.IsNullOrWhiteSpace(row.Value) ? 0 : Bp(row.Value, $"{field}.{nameof(FloorRow.Value)}");
            if (value is { } v) floors.Add(new FloorRule(shareClass, row.Kind, v, steps is { Count: > 0 } ? steps : null));
        }
        Recorded = (await SharesApi.GetCharter(Api, coop)).Result is not Microsoft.AspNetCore.Http.HttpResults.NotFound;
        if (Recorded) await LoadAmendments(coop);
        if (!ModelState.IsValid)
        {
            Floors.AddRange(Enumerable.Range(0, BlankFloorRows).Select(_ => new FloorRow()));
            return Page();
        }
        var charter = new Charter(Bp(ReservePercent), Bp(WelfarePercent), Bp(TradeReturnPercent), ShortfallPolicy, floors,
            PreferredExitPolicy, Bp(PreferredFloorPercent), FiscalYearEndMonth, NoticeDays);
        Value<Charter>(await SharesApi.SetCharter(Api, coop, charter, string.IsNullOrWhiteSpace(Resolution) ? null : Resolution.Trim()));
        return Redirect($"/cooperative/charter?coop={Uri.EscapeDataString(coop)}");
    }

    private async Task LoadAmendments(string coop) =>
        Amendments = (await board.Assemblies(coop, Apis.AssembliesApi.PageSize))
            .SelectMany(a => a.Resolutions.Where(r => r is { Subject: nameof(Domain.Assemblies.ResolutionSubject.CharterAmendment), Passed: true })
                .Select(r => ($"{a.Id[(a.Id.LastIndexOf(':') + 1)..]}/{r.ResolutionId}", $"{a.Title}：{r.Title}（{a.ClosedOn:yyyy-MM-dd}）")))
            .ToList();

    private static FloorRow Row(FloorRule rule) => new()
    {
        ShareClass = rule.ShareClass,
        Kind = rule.Kind,
        Value = rule.Kind is FloorKind.PerMu or FloorKind.CoordinationFeePerMu
            ? FormValues.Yuan(rule.Value)
            : rule.Steps ? "" : Text(Percent((int)rule.Value)),
        Steps = rule.StepRatesBp is { Count: > 0 } steps ? string.Join(", ", steps.Select(s => Text(Percent(s)))) : "",
    };

    private static decimal Percent(int basisPoints) => basisPoints / 100m;

    private static string Text(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percent to basis points (12.5% → 1250); the API checks the range.</summary>
    private static int Bp(decimal percent) => (int)Math.Clamp(Math.Round(percent * 100m, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);

    private int? Bp(string? percent, string field)
    {
        if (decimal.TryParse(percent?.Trim().TrimEnd('%', '％'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return Bp(value);
        ModelState.AddModelError(field, T["请填写百分比，例如 6 或 6.5"].Value);
        return null;
    }

    private List<int>? StepsBp(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var steps = new List<int>();
        foreach (var part in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Bp(part, field) is not { } bp) return null;
            steps.Add(bp);
        }
        return steps;
    }
}
