using AgriLink.Domain.Shares;
using static AgriLink.Domain.Dividends.DisplayText;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// Says each component in one short line with its sum written out, in plain Chinese for a cheap phone and
/// a reader who left school early (e.g. "土地保底：6 亩 × 每亩 400 元 = 2,400 元"), or in English.
/// Culture is "zh-CN" (any "zh…") or "en" (any "en…").
/// </summary>
public static class DividendExplainer
{
    public static string Explain(DividendComponent component, string culture)
    {
        ArgumentNullException.ThrowIfNull(component);
        var zh = TextCulture.IsChinese(culture);
        var b = component.Basis;
        var amount = component.AmountFen;
        return component.Kind switch
        {
            DividendComponentKind.TradeReturn => zh
                ? $"交易返还：您卖给合作社 {Yuan(b.TradeVolumeFen ?? 0, zh)}，全体社员共 {Yuan(b.TotalTradeFen ?? 0, zh)}，返还款 {Yuan(b.PoolFen ?? 0, zh)} 按比例分，您得 {Yuan(amount, zh)}"
                : $"Trade return: you sold {Yuan(b.TradeVolumeFen ?? 0, zh)} of the members' {Yuan(b.TotalTradeFen ?? 0, zh)} to the cooperative; your part of the {Yuan(b.PoolFen ?? 0, zh)} return pool is {Yuan(amount, zh)}",
            DividendComponentKind.Floor => FloorText(b, amount, zh),
            DividendComponentKind.CollectiveDeduction => zh
                ? $"村集体协调费：{Mu(b.AreaMilliMu ?? 0)} 亩 × 每亩 {YuanNumber(b.PerMuFen ?? 0)} 元，扣 {Yuan(-amount, zh)}"
                : $"Village coordination fee: {Mu(b.AreaMilliMu ?? 0)} mu × {Yuan(b.PerMuFen ?? 0, zh)} per mu, {Yuan(-amount, zh)} deducted",
            DividendComponentKind.CoordinationFee => zh
                ? $"协调费收入：{b.CounterpartyId} {Mu(b.AreaMilliMu ?? 0)} 亩 × 每亩 {YuanNumber(b.PerMuFen ?? 0)} 元 = {Yuan(amount, zh)}"
                : $"Coordination fee from {b.CounterpartyId}: {Mu(b.AreaMilliMu ?? 0)} mu × {Yuan(b.PerMuFen ?? 0, zh)} per mu = {Yuan(amount, zh)}",
            DividendComponentKind.FloorLiability => zh
                ? $"欠发保底：{Yuan(amount, zh)}，合作社记账欠您，以后补发"
                : $"Floor still owed: {Yuan(amount, zh)}, recorded as a debt of the cooperative to be paid later",
            DividendComponentKind.SecondRound => zh
                ? $"二次分红：您有 {Count(b.Shares ?? 0)} 股，全社 {Count(b.TotalShares ?? 0)} 股分 {Yuan(b.PoolFen ?? 0, zh)}，您得 {Yuan(amount, zh)}"
                : $"Second round: your {Count(b.Shares ?? 0)} of {Count(b.TotalShares ?? 0)} shares in {Yuan(b.PoolFen ?? 0, zh)} = {Yuan(amount, zh)}",
            _ => $"{component.Kind}: {Yuan(amount, zh)}",
        };
    }

    /// <summary>Each component, then the total paid (and anything still owed).</summary>
    public static IReadOnlyList<string> ExplainLine(DividendLine line, string culture)
    {
        ArgumentNullException.ThrowIfNull(line);
        var zh = TextCulture.IsChinese(culture);
        var text = line.Components.Select(c => Explain(c, culture)).ToList();
        text.Add((zh, line.OwedFen > 0) switch
        {
            (true, false) => $"合计实发：{Yuan(line.PaidFen, zh)}",
            (true, true) => $"合计实发：{Yuan(line.PaidFen, zh)}，另欠发 {Yuan(line.OwedFen, zh)}",
            (false, false) => $"Total paid: {Yuan(line.PaidFen, zh)}",
            (false, true) => $"Total paid: {Yuan(line.PaidFen, zh)}; still owed: {Yuan(line.OwedFen, zh)}",
        });
        return text;
    }

    /// <summary>The steps of the whole distribution, for the public notice (公示).</summary>
    public static IReadOnlyList<string> ExplainDistribution(Distribution d, string culture)
    {
        ArgumentNullException.ThrowIfNull(d);
        var zh = TextCulture.IsChinese(culture);
        string Y(long fen) => Yuan(fen, zh);
        var text = new List<string> { zh ? $"{d.FiscalYear} 年盈余：{Y(d.SurplusFen)}" : $"Surplus for {d.FiscalYear}: {Y(d.SurplusFen)}" };
        if (d.PriorLossesFen > 0)
            text.Add(zh ? $"弥补以前年度亏损：{Y(d.LossesMadeGoodFen)}" : $"Prior losses made good: {Y(d.LossesMadeGoodFen)}");
        text.Add(zh ? $"提取公积金 {Percent(d.ReserveRateBp)}：{Y(d.ReserveFen)}" : $"Reserve fund {Percent(d.ReserveRateBp)}: {Y(d.ReserveFen)}");
        if (d.WelfareRateBp > 0)
            text.Add(zh ? $"提取公益金 {Percent(d.WelfareRateBp)}：{Y(d.WelfareFen)}" : $"Welfare fund {Percent(d.WelfareRateBp)}: {Y(d.WelfareFen)}");
        text.Add(zh ? $"可分配盈余：{Y(d.DistributableFen)}" : $"Distributable surplus: {Y(d.DistributableFen)}");
        text.Add(zh ? $"按交易额返还：{Y(d.TradePoolFen)}" : $"Returned by member trade: {Y(d.TradePoolFen)}");
        text.Add(zh
            ? $"按股分配：{Y(d.CapitalPoolFen)}，其中保底 {Y(d.FloorsPaidFen)}，二次分红 {Y(d.SecondRoundFen)}"
            : $"By shares: {Y(d.CapitalPoolFen)}, of which floors {Y(d.FloorsPaidFen)} and second round {Y(d.SecondRoundFen)}");
        if (d.ShortfallApplied is { } policy)
            text.Add((zh, policy) switch
            {
                (true, ShortfallPolicy.ProRataCut) => $"盈余不够发保底（应发 {Y(d.FloorsDueFen)}），按比例削减，不再补发",
                (true, _) => $"盈余不够发保底（应发 {Y(d.FloorsDueFen)}），按比例先发，欠发 {Y(d.FloorLiabilityFen)} 记为合作社欠款",
                (false, ShortfallPolicy.ProRataCut) => $"Floors due of {Y(d.FloorsDueFen)} exceed the pool: cut pro rata, not made up later",
                (false, _) => $"Floors due of {Y(d.FloorsDueFen)} exceed the pool: paid pro rata now, {Y(d.FloorLiabilityFen)} owed by the cooperative",
            });
        if (d.CoordinationFeesFen > 0)
            text.Add(zh ? $"村集体协调费：{Y(d.CoordinationFeesFen)}" : $"Village coordination fees: {Y(d.CoordinationFeesFen)}");
        text.Add(zh ? $"合计发放：{Y(d.TotalPaidFen)}" : $"Total paid: {Y(d.TotalPaidFen)}");
        return text;
    }

    private static string FloorText(ComponentBasis b, long paid, bool zh)
    {
        var due = b.DueFen ?? paid;
        var name = b.PreferredFloor
            ? (zh ? "优先股" : "Preferred share")
            : b.ShareClass is { } c ? ClassName(c, zh) : (zh ? "股份" : "Share");
        var sum = (b.FloorKind, zh) switch
        {
            (FloorKind.PerMu, true) => $"{Mu(b.AreaMilliMu ?? 0)} 亩 × 每亩 {YuanNumber(b.PerMuFen ?? 0)} 元",
            (FloorKind.PerMu, false) => $"{Mu(b.AreaMilliMu ?? 0)} mu × {Yuan(b.PerMuFen ?? 0, zh)} per mu",
            (FloorKind.PercentOfProfitPerMu, true) => $"每亩利润 {YuanNumber(b.ProfitPerMuFen ?? 0)} 元 × {Percent(b.RateBp ?? 0)} × {Mu(b.AreaMilliMu ?? 0)} 亩",
            (FloorKind.PercentOfProfitPerMu, false) => $"profit {Yuan(b.ProfitPerMuFen ?? 0, zh)} per mu × {Percent(b.RateBp ?? 0)} × {Mu(b.AreaMilliMu ?? 0)} mu",
            (_, true) => $"本金 {Yuan(b.PrincipalFen ?? 0, zh)} × {Percent(b.RateBp ?? 0)}",
            (_, false) => $"principal {Yuan(b.PrincipalFen ?? 0, zh)} × {Percent(b.RateBp ?? 0)}",
        };
        var year = b.HoldingYear is { } y ? (zh ? $"（入股第 {y} 年）" : $" (year {y})") : "";
        var text = zh ? $"{name}保底：{sum} = {Yuan(due, zh)}{year}" : $"{name} floor: {sum} = {Yuan(due, zh)}{year}";
        if (paid < due)
            text += zh ? $"；今年盈余不够，按比例实发 {Yuan(paid, zh)}" : $"; the surplus fell short, so {Yuan(paid, zh)} is paid pro rata";
        return text;
    }
}
