using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Shares;

namespace AgriLink.Grains.Dividends;

public sealed class MemberTradeGrain(
    [PersistentState("member-trade", GrainStorage.Main)] IPersistentState<MemberTradeState> state) : Grain, IMemberTradeGrain
{
    private CooperativeYear Key => CooperativeYear.Parse(this.GetPrimaryKeyString());

    public async Task<TradeSummary> Record(TradeRecord record)
    {
        var existing = state.State.Records.FirstOrDefault(r => r.Reference == record.Reference);
        if (existing is not null)
        {
            // A replayed delivery (the same order line twice) counts once; a different one under the same reference is a mistake.
            if (existing != record)
                throw new RuleViolationException("trade.reference-reused", $"Reference '{record.Reference}' is already recorded with other values.");
            return Summarise();
        }
        await Validate(record);
        await state.CommitAsync(state.State with { Records = [.. state.State.Records, record] });
        return Summarise();
    }

    public Task<TradeSummary> Summary() => Task.FromResult(Summarise());

    public Task<IReadOnlyList<TradeRecord>> Records() => Task.FromResult(state.State.Records);

    private async Task Validate(TradeRecord record)
    {
        var charter = await GrainFactory.GetGrain<IShareRegisterGrain>(Key.CooperativeId).GetCharter();
        var yearEnd = FiscalCalendar.YearEndOf(record.Date, charter?.FiscalYearEndMonth ?? 12);
        var v = new Validator()
            .Text("reference", record.Reference, 100)
            .Range("amountFen", record.AmountFen, 1, 10_000_000_000)
            .Check(yearEnd.Year == Key.FiscalYear, "date", $"must fall in fiscal year {Key.FiscalYear}.")
            .Text("memberId", record.MemberId, 40, required: false)
            .Text("note", record.Note, 500, required: false);
        v.ThrowIfInvalid();
        if (record.MemberId is null) return;
        var coop = await GrainFactory.GetGrain<ICooperativeGrain>(Key.CooperativeId).Get();
        if (coop.Members.All(m => m.MemberId != record.MemberId))
            throw ValidationFailedException.For("memberId", $"'{record.MemberId}' is not a member; record non-member trade without a member id.");
    }

    private TradeSummary Summarise()
    {
        var members = state.State.Records.Where(r => r.MemberId is not null)
            .GroupBy(r => r.MemberId!, StringComparer.Ordinal)
            .Select(g => new MemberTrade(g.Key, g.Sum(r => r.AmountFen)))
            .OrderBy(t => t.MemberId, StringComparer.Ordinal).ToList();
        var nonMember = state.State.Records.Where(r => r.MemberId is null).Sum(r => r.AmountFen);
        return new TradeSummary(Key.FiscalYear, members, nonMember, state.State.Records.Count);
    }
}
