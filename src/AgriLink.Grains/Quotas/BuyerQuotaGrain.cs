using AgriLink.Domain.Buyers;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Quotas;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using Microsoft.Extensions.Options;

namespace AgriLink.Grains.Quotas;

public sealed class BuyerQuotaGrain(
    [PersistentState("buyer-quota", GrainStorage.Main)] IPersistentState<BuyerQuotaState> state,
    IOptions<QuotaOptions> options,
    TimeProvider clock) : Grain, IBuyerQuotaGrain
{
    /// <summary>Budgets are declared for the current year, a past one, or (in advance) the next; years are China calendar years.</summary>
    public const int FirstYear = 2000;

    private ReserveRates? _rates;

    private ReserveRates Rates => _rates ??= options.Value.Table();

    private BuyerYear Key => BuyerYear.Parse(this.GetPrimaryKeyString());

    public async Task<QuotaProgress> Declare(QuotaDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var key = Key;
        var nextYear = clock.Today().Year + 1;
        if (key.Year < FirstYear || key.Year > nextYear)
            throw ValidationFailedException.For("year", $"must be between {FirstYear} and {nextYear} (the next year, China time).");
        var unit = await BudgetUnit(key.BuyerId);
        var floor = Rates.FloorFor(unit.Profile.RegionCode);
        var rate = Quota.CheckDeclaration(declaration.CanteenFoodBudgetFen, declaration.ReserveRateBasisPoints,
            declaration.Canteen, declaration.CatererName, floor);
        var next = state.State with
        {
            CanteenFoodBudgetFen = declaration.CanteenFoodBudgetFen,
            ReserveRateBasisPoints = rate,
            Floor = floor,
            Canteen = declaration.Canteen,
            CatererName = declaration.Canteen == CanteenOperation.Caterer ? declaration.CatererName!.Trim() : null,
            DeclaredAt = clock.Now(),
        };
        return await Commit(next, View(key, next, floor), before: View(key, state.State, state.State.Floor ?? floor));
    }

    public async Task<QuotaProgress> RecordPurchase(QuotaPurchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var key = Key;
        if (purchase.Reference is { } known && state.State.References.Contains(known)) return await Progress();
        Check(key, purchase);
        var unit = await BudgetUnit(key.BuyerId);
        var current = state.State;
        var month = current.Months.GetValueOrDefault(purchase.Date.Month, QuotaMonthTotals.None);
        var next = WithYearTotals(current, purchase, +1) with
        {
            Months = new Dictionary<int, QuotaMonthTotals>(current.Months)
            {
                [purchase.Date.Month] = month.Add(purchase.Channel, purchase.CertifiedAmountFen),
            },
            // Purchases counted before months were kept stay in no month; from today on, each is in its month.
            MonthsRecordedFrom = current.MonthsRecordedFrom ?? (NotByMonth(current) is (> 0, _) or (_, > 0) ? clock.Today() : null),
        };
        return await Commit(next, View(key, next, next.Floor ?? Rates.FloorFor(unit.Profile.RegionCode)));
    }

    /// <summary>
    /// The year's totals with a purchase added (<paramref name="sign"/> +1) or a refund of one taken back (-1), and its
    /// reference kept. New collections, so a failed write leaves the old state (references, months) exactly as stored.
    /// </summary>
    private static BuyerQuotaState WithYearTotals(BuyerQuotaState current, QuotaPurchase p, int sign)
    {
        var year = QuotaMonthTotals.None.Add(p.Channel, sign * p.CertifiedAmountFen);
        return current with
        {
            OwnFen = checked(current.OwnFen + year.OwnFen),
            UnionFen = checked(current.UnionFen + year.UnionFen),
            EmployeeFen = checked(current.EmployeeFen + year.EmployeeFen),
            UncertifiedFen = checked(current.UncertifiedFen + sign * (p.TotalAmountFen - p.CertifiedAmountFen)),
            References = new HashSet<string>(current.References, StringComparer.Ordinal) { p.Reference },
        };
    }

    public async Task<QuotaProgress> RecordRefund(QuotaPurchase refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var key = Key;
        if (state.State.References.Contains(refund.Reference)) return await Progress();
        Check(key, refund);
        var unit = await BudgetUnit(key.BuyerId);
        var current = state.State;
        var month = current.Months.GetValueOrDefault(refund.Date.Month, QuotaMonthTotals.None);
        var next = WithYearTotals(current, refund, -1) with
        {
            // A purchase counted before months were kept has no month to take back from: the year's totals alone move.
            Months = current.Months.ContainsKey(refund.Date.Month)
                ? new Dictionary<int, QuotaMonthTotals>(current.Months) { [refund.Date.Month] = month.Remove(refund.Channel, refund.CertifiedAmountFen) }
                : current.Months,
        };
        if (next.OwnFen < 0 || next.UnionFen < 0 || next.EmployeeFen < 0 || next.UncertifiedFen < 0)
            throw new RuleViolationException("quota.refund-exceeds", $"The refund '{refund.Reference}' is more than the {key.Year} purchases counted.");
        return await Commit(next, View(key, next, next.Floor ?? Rates.FloorFor(unit.Profile.RegionCode)));
    }

    /// <summary>
    /// Stores the change with the event telling the budget unit's live clients (<c>buyer:{id}</c>) where its quota stands, and
    /// the declared audit entry (the progress before and after).
    /// </summary>
    private async Task<QuotaProgress> Commit(BuyerQuotaState next, QuotaProgress progress, QuotaProgress? before = null)
    {
        var raised = await state.CommitAsync(next, sequence => [Live.MarketEvents.Create($"buyer:{progress.BuyerId}", "quota.progress",
            $"quota:{progress.BuyerId}:{progress.Year}", sequence, clock.Now(), new
            {
                progress.BuyerId, progress.Year, progress.Declared, progress.QuotaFen, progress.CountedFen, progress.RemainingFen,
                progress.ProgressBasisPoints, progress.OwnFen, progress.UnionFen, progress.EmployeeFen,
            })], () => AuditEntries.For("buyer-quota", Key.ToString(), before, progress));
        Live.MarketEvents.Publish(GrainFactory, raised);
        return progress;
    }

    public async Task<QuotaProgress> Progress()
    {
        var key = Key;
        var current = state.State;
        if (current.Floor is { } floor) return View(key, current, floor);
        var unit = await BudgetUnit(key.BuyerId);
        return View(key, current, Rates.FloorFor(unit.Profile.RegionCode));
    }

    private static void Check(BuyerYear key, QuotaPurchase p)
    {
        var v = new Validator()
            .Text("reference", p.Reference, 120)
            .Text("purchaserBuyerId", p.PurchaserBuyerId, 40)
            .Check(Enum.IsDefined(p.Channel), "channel", "is not a known quota channel.")
            .Check(p.TotalAmountFen >= 0, "totalAmountFen", "must not be negative.")
            .Check(p.CertifiedAmountFen >= 0 && p.CertifiedAmountFen <= p.TotalAmountFen, "certifiedAmountFen",
                "must be between 0 and the total amount.")
            .Check(p.Date.Year == key.Year, "date", $"must fall in {key.Year}, the quota's year.");
        // The channel says how the purchaser relates to the unit; the caller resolved it from the buyer profiles.
        if (p.PurchaserBuyerId is { } purchaser)
            v.Check((p.Channel == QuotaChannel.Own) == (purchaser == key.BuyerId), "channel",
                "is Own exactly when the unit itself is the purchaser.");
        v.ThrowIfInvalid();
    }

    private async Task<BuyerDetails> BudgetUnit(string buyerId)
    {
        var buyer = await GrainFactory.GetGrain<IBuyerGrain>(buyerId).Get();
        if (buyer.Profile.Type != BuyerType.BudgetUnit)
            throw new RuleViolationException("quota.not-budget-unit",
                $"Only budget units (预算单位) carry a purchasing quota; '{buyerId}' is a {buyer.Profile.Type}.", unprocessable: true);
        return buyer;
    }

    private static QuotaProgress View(BuyerYear key, BuyerQuotaState s, ReserveRateFloor floor)
    {
        var counted = checked(s.OwnFen + s.UnionFen + s.EmployeeFen);
        var quota = s.Declared ? Quota.QuotaFen(s.CanteenFoodBudgetFen, s.ReserveRateBasisPoints) : 0;
        var (notByMonthFen, notByMonthPurchases) = NotByMonth(s);
        return new QuotaProgress(key.BuyerId, key.Year, s.Declared, s.CanteenFoodBudgetFen,
            s.Declared ? s.ReserveRateBasisPoints : floor.BasisPoints, quota, counted,
            s.Declared ? Quota.RemainingFen(quota, counted) : 0,
            s.OwnFen, s.UnionFen, s.EmployeeFen, s.UncertifiedFen, s.References.Count,
            floor, s.Canteen, s.CatererName, s.DeclaredAt, Months(s), notByMonthFen, notByMonthPurchases, s.MonthsRecordedFrom);
    }

    /// <summary>January to December, each with the certified purchases counted by month through its end.</summary>
    private static QuotaMonth[] Months(BuyerQuotaState s)
    {
        var months = new QuotaMonth[12];
        var cumulative = 0L;
        for (var m = 1; m <= 12; m++)
        {
            var t = s.Months.GetValueOrDefault(m, QuotaMonthTotals.None);
            cumulative = checked(cumulative + t.CountedFen);
            months[m - 1] = new QuotaMonth(m, t.OwnFen, t.UnionFen, t.EmployeeFen, t.Purchases, cumulative);
        }
        return months;
    }

    /// <summary>What the totals hold beyond the months: purchases counted before months were kept (never negative).</summary>
    private static (long Fen, int Purchases) NotByMonth(BuyerQuotaState s) => (
        checked(s.OwnFen + s.UnionFen + s.EmployeeFen - s.Months.Values.Sum(m => m.CountedFen)),
        s.References.Count - s.Months.Values.Sum(m => m.Purchases));
}
