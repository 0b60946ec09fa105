using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// The year-end surplus distribution of law Art. 44 with Guizhou's guaranteed floors, exact to the fen.
/// </summary>
/// <remarks>
/// Rounding, all in integers: the reserve and welfare funds round down (the fraction stays distributable);
/// the trade-return pool rounds <em>up</em>, so it is never a fraction of a fen below the charter's rate and
/// the law's "at least 60%" holds exactly; each floor due rounds half up to the fen; every split of a pool
/// is <see cref="Money.Allocate"/> (largest remainder), over members sorted by id and holdings sorted by
/// holding id, so the parts sum to the pool and the result does not depend on input order.
/// </remarks>
public static class SurplusDistributor
{
    private const int BpScale = 10_000;
    private const int MilliMuPerMu = 1_000;

    public static Distribution Distribute(Charter charter, YearEndInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(charter);
        ArgumentNullException.ThrowIfNull(inputs);
        charter.Validate();
        inputs.Validate(charter);
        var notes = new List<DistributionNote>();
        var lines = new SortedDictionary<string, List<DividendComponent>>(StringComparer.Ordinal);
        void Add(string shareholderId, DividendComponent component)
        {
            if (!lines.TryGetValue(shareholderId, out var list)) lines[shareholderId] = list = [];
            list.Add(component);
        }

        // 1. Make good prior losses.
        var surplus = inputs.SurplusFen;
        var madeGood = Math.Clamp(surplus, 0, inputs.PriorLossesFen);
        var carried = inputs.PriorLossesFen - madeGood + Math.Max(0, -surplus);
        var afterLosses = Math.Max(0, surplus - inputs.PriorLossesFen);
        if (inputs.PriorLossesFen > 0)
            notes.Add(new("losses.made-good",
                $"Prior losses of {Yuan(inputs.PriorLossesFen)} are made good first: {Yuan(madeGood)} now, {Yuan(carried)} carried forward."));
        else if (carried > 0)
            notes.Add(new("losses.carried", $"The year closed with a loss of {Yuan(carried)}, carried forward."));

        // 2. Reserve and welfare funds, rounded down.
        var reserve = Part(afterLosses, charter.ReserveRateBp, roundUp: false);
        var welfare = Part(afterLosses, charter.WelfareRateBp, roundUp: false);
        var distributable = afterLosses - reserve - welfare;
        notes.Add(new("reserve.rounding",
            $"Reserve fund {Percent(charter.ReserveRateBp)} = {Yuan(reserve)} and welfare fund {Percent(charter.WelfareRateBp)} = {Yuan(welfare)} " +
            $"of {Yuan(afterLosses)}, each rounded down to the fen; any fraction stays in the distributable surplus of {Yuan(distributable)}."));
        if (distributable == 0)
            notes.Add(new("surplus.none", "Nothing is left to distribute; floors are settled by the charter's shortfall policy."));

        // 3. Trade-return pool, by member trade only.
        var trades = inputs.MemberTrades.Where(t => t.MemberTradeFen > 0).OrderBy(t => t.MemberId, StringComparer.Ordinal).ToArray();
        var holdings = inputs.Holdings.OrderBy(h => h.HoldingId, StringComparer.Ordinal).ToArray();
        var totalTrade = trades.Sum(t => t.MemberTradeFen);
        long tradePool;
        if (distributable == 0 || totalTrade == 0)
        {
            tradePool = 0;
            if (distributable > 0)
            {
                if (holdings.Length == 0)
                    throw new RuleViolationException("dividend.no-recipients",
                        "There is a distributable surplus but no member trade and no registered shares to distribute it by.", unprocessable: true);
                notes.Add(new("trade.none", "No member traded with the cooperative this year, so the trade-return share joins the capital pool."));
            }
        }
        else if (holdings.Length == 0)
        {
            tradePool = distributable;
            notes.Add(new("capital.none", "No shares are registered, so the whole distributable surplus returns by member trade."));
        }
        else
        {
            tradePool = Part(distributable, charter.TradeReturnRateBp, roundUp: true);
            notes.Add(new("trade.pool",
                $"{Percent(charter.TradeReturnRateBp)} of the distributable surplus, rounded up to the fen, returns by member trade: {Yuan(tradePool)}."));
        }
        if (inputs.NonMemberTradeFen > 0)
            notes.Add(new("trade.non-member", $"Non-member trade of {Yuan(inputs.NonMemberTradeFen)} is accounted separately and takes no part in the distribution."));
        if (tradePool > 0)
        {
            var returns = Money.Allocate(Money.FromFen(tradePool), [.. trades.Select(t => t.MemberTradeFen)]);
            for (var i = 0; i < trades.Length; i++)
                Add(trades[i].MemberId, new(DividendComponentKind.TradeReturn, null, returns[i].Fen,
                    new(RateBp: charter.TradeReturnRateBp, TradeVolumeFen: trades[i].MemberTradeFen, TotalTradeFen: totalTrade, PoolFen: tradePool)));
        }

        // 4. Guaranteed floors from the capital pool, first.
        var capitalPool = distributable - tradePool;
        var floors = holdings.Select(h => FloorDue(charter, inputs, h)).ToArray();
        var floorsDue = floors.Sum(f => f.Due);
        var floorsPaid = floors.Select(f => f.Due).ToArray();
        ShortfallPolicy? applied = null;
        if (floorsDue > capitalPool)
        {
            applied = charter.ShortfallPolicy;
            floorsPaid = [.. Money.Allocate(Money.FromFen(capitalPool), floorsPaid).Select(m => m.Fen)];
            notes.Add(new(applied == ShortfallPolicy.ProRataCut ? "shortfall.pro-rata-cut" : "shortfall.carried",
                $"The capital pool of {Yuan(capitalPool)} does not cover the floors due of {Yuan(floorsDue)}: all of it is paid pro rata to the floors due, " +
                (applied == ShortfallPolicy.ProRataCut
                    ? $"and the unpaid {Yuan(floorsDue - capitalPool)} is forgone (charter: pro-rata cut)."
                    : $"and the unpaid {Yuan(floorsDue - capitalPool)} is owed to the holders (charter: carried as a liability).")));
        }
        var paidFloors = floorsPaid.Sum();
        var owed = applied == ShortfallPolicy.CarryAsLiability ? floorsDue - paidFloors : 0;

        // 5. Second round (二次分红) pro rata to shares over all holdings.
        var secondRound = capitalPool - paidFloors;
        var totalShares = holdings.Sum(h => h.Shares);
        var seconds = secondRound > 0
            ? Money.Allocate(Money.FromFen(secondRound), [.. holdings.Select(h => h.Shares)]).Select(m => m.Fen).ToArray()
            : new long[holdings.Length];
        if (secondRound > 0)
            notes.Add(new("second-round", $"After the floors, {Yuan(secondRound)} is shared pro rata over {totalShares} shares."));
        else if (holdings.Length > 0)
            notes.Add(new("second-round.none", "Nothing remains after the floors, so there is no second round."));

        long fees = 0;
        var capped = false;
        for (var i = 0; i < holdings.Length; i++)
        {
            var h = holdings[i];
            var floor = floors[i];
            if (floor.Due > 0)
                Add(h.ShareholderId, new(DividendComponentKind.Floor, h.HoldingId, floorsPaid[i], floor.Basis with { DueFen = floor.Due }));

            var fee = charter.CoordinationFeeFor(h.ShareClass);
            if (fee is not null && h.AreaMilliMu > 0 && h.ShareholderId != inputs.VillageCollectiveId)
            {
                // The fee comes out of the holder's floor, never out of other money, so a cut floor caps it.
                var feeDue = Scale(h.AreaMilliMu, fee.Value, MilliMuPerMu);
                var deducted = Math.Min(feeDue, floorsPaid[i]);
                capped |= deducted < feeDue;
                if (deducted > 0)
                {
                    var basis = new ComponentBasis(h.ShareClass, FloorKind.CoordinationFeePerMu, h.AreaMilliMu, fee.Value, DueFen: feeDue);
                    Add(h.ShareholderId, new(DividendComponentKind.CollectiveDeduction, h.HoldingId, -deducted, basis with { CounterpartyId = inputs.VillageCollectiveId }));
                    Add(inputs.VillageCollectiveId!, new(DividendComponentKind.CoordinationFee, h.HoldingId, deducted, basis with { CounterpartyId = h.ShareholderId }));
                    fees += deducted;
                }
            }

            if (owed > 0 && floor.Due > floorsPaid[i])
                Add(h.ShareholderId, new(DividendComponentKind.FloorLiability, h.HoldingId, floor.Due - floorsPaid[i], floor.Basis with { DueFen = floor.Due }));
            if (secondRound > 0)
                Add(h.ShareholderId, new(DividendComponentKind.SecondRound, h.HoldingId, seconds[i],
                    new(h.ShareClass, Shares: h.Shares, TotalShares: totalShares, PoolFen: secondRound, FundId: h.FundId)));
        }
        if (fees > 0)
            notes.Add(new("coordination-fee", $"Coordination fees of {Yuan(fees)} are deducted from holders' floors and paid to the village collective {inputs.VillageCollectiveId}."));
        if (capped)
            notes.Add(new("coordination-fee.capped", "Where a floor was cut below its coordination fee, only the floor paid was deducted."));

        DividendLine[] dividendLines = [.. lines.Select(l => new DividendLine(l.Key, l.Value.ToArray(),
            l.Value.Where(c => c.IsPaid).Sum(c => c.AmountFen),
            l.Value.Where(c => !c.IsPaid).Sum(c => c.AmountFen)))];
        return new(inputs.FiscalYear, surplus, inputs.PriorLossesFen, madeGood, carried, afterLosses,
            charter.ReserveRateBp, reserve, charter.WelfareRateBp, welfare, distributable,
            charter.TradeReturnRateBp, totalTrade, inputs.NonMemberTradeFen, tradePool, capitalPool,
            floorsDue, paidFloors, owed, applied, secondRound, totalShares, fees,
            dividendLines.Sum(l => l.PaidFen), dividendLines, notes.ToArray());
    }

    /// <summary>
    /// The floor due on one holding by its class's rule; a preferred share is due at least the charter's
    /// preferred floor on its principal (the higher of the two applies, so the preference never cuts).
    /// </summary>
    private static (long Due, ComponentBasis Basis) FloorDue(Charter charter, YearEndInputs inputs, HoldingPosition h)
    {
        var rule = charter.FloorFor(h.ShareClass);
        var basis = new ComponentBasis(h.ShareClass, rule?.Kind, FundId: h.FundId);
        var due = 0L;
        switch (rule?.Kind)
        {
            case FloorKind.PerMu:
                due = Scale(h.AreaMilliMu, rule.Value, MilliMuPerMu);
                basis = basis with { AreaMilliMu = h.AreaMilliMu, PerMuFen = rule.Value };
                break;
            case FloorKind.PercentOfPrincipal:
                var rate = rule.RateBpFor(h.HoldingYear);
                due = Scale(h.PrincipalFen, rate, BpScale);
                basis = basis with { PrincipalFen = h.PrincipalFen, RateBp = rate, HoldingYear = rule.Steps ? h.HoldingYear : null };
                break;
            case FloorKind.PercentOfProfitPerMu:
                var profit = Math.Max(0, inputs.ProfitPerMuFen);
                due = checked((long)RoundHalfUp((Int128)profit * rule.Value * h.AreaMilliMu, BpScale * MilliMuPerMu));
                basis = basis with { AreaMilliMu = h.AreaMilliMu, ProfitPerMuFen = profit, RateBp = (int)rule.Value };
                break;
        }
        if (h.Preferred && charter.PreferredFloorBp > 0)
        {
            var preferred = Scale(h.PrincipalFen, charter.PreferredFloorBp, BpScale);
            if (preferred > due)
                return (preferred, new(h.ShareClass, FloorKind.PercentOfPrincipal, PrincipalFen: h.PrincipalFen,
                    RateBp: charter.PreferredFloorBp, PreferredFloor: true, FundId: h.FundId));
        }
        return (due, basis);
    }

    private static long Part(long amount, int rateBp, bool roundUp)
    {
        var (quotient, remainder) = Int128.DivRem((Int128)amount * rateBp, BpScale);
        return checked((long)(roundUp && remainder > 0 ? quotient + 1 : quotient));
    }

    private static long Scale(long amount, long factor, long divisor) => checked((long)RoundHalfUp((Int128)amount * factor, divisor));

    private static Int128 RoundHalfUp(Int128 numerator, Int128 divisor) => (numerator + divisor / 2) / divisor;

    private static string Yuan(long fen) => DisplayText.Yuan(fen, chinese: false);

    private static string Percent(int bp) => DisplayText.Percent(bp);
}
