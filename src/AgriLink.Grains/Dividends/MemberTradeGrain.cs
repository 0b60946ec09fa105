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

    private Dictionary<string, TradeRecord>? _byReference;

    public Task<TradeSummary> Record(TradeRecord record) => RecordMany([record]);

    public async Task<TradeSummary> RecordMany(IReadOnlyList<TradeRecord> records)
    {
        if (_byReference is null)
        {
            _byReference = new Dictionary<string, TradeRecord>(StringComparer.Ordinal);
            foreach (var r in state.State.Records) _byReference.TryAdd(r.Reference, r);
        }
        var context = await LoadContext();
        var added = new List<TradeRecord>();
        var seen = new Dictionary<string, TradeRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var existing = _byReference.GetValueOrDefault(record.Reference ?? "") ?? seen.GetValueOrDefault(record.Reference ?? "");
            if (existing is not null)
            {
                // A replayed delivery (the same order line twice) counts once; a different one under the same reference is a mistake.
                if (existing != record)
                    throw new RuleViolationException("trade.reference-reused", $"Reference '{record.Reference}' is already recorded with other values.");
                continue;
            }
            Validate(record, context);
            seen[record.Reference!] = record;
            added.Add(record);
        }
        if (added.Count == 0) return Summarise();
        await EnsureYearOpenForTrade();
        await state.CommitAsync(state.State with { Records = [.. state.State.Records, .. added] });
        foreach (var record in added) _byReference[record.Reference] = record;
        return Summarise();
    }

    public Task<TradeSummary> Summary() => Task.FromResult(Summarise());

    public Task<IReadOnlyList<TradeRecord>> Records() => Task.FromResult(state.State.Records);

    private async Task<(HashSet<string> Members, int YearEndMonth)> LoadContext()
    {
        var coop = GrainFactory.GetGrain<ICooperativeGrain>(Key.CooperativeId);
        if (!await coop.Exists()) throw new NotFoundException("cooperative", Key.CooperativeId);
        var members = (await coop.Get()).Members.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var charter = await GrainFactory.GetGrain<IShareRegisterGrain>(Key.CooperativeId).GetCharter();
        return (members, charter?.FiscalYearEndMonth ?? 12);
    }

    /// <summary>Once a declaration is approved, the year's trade is what it was computed from.</summary>
    private async Task EnsureYearOpenForTrade()
    {
        if (!(await GrainFactory.GetGrain<IShareRegisterGrain>(Key.CooperativeId).DeclaredYears()).Contains(Key.FiscalYear)) return;
        var declaration = await GrainFactory.GetGrain<IDividendDeclarationGrain>(Key.ToString()).Get();
        if (declaration.Declaration.Status != DeclarationStatus.Draft)
            throw new RuleViolationException("trade.year-declared", $"The {Key.FiscalYear} distribution is already approved; its trade can no longer change.");
    }

    private void Validate(TradeRecord record, (HashSet<string> Members, int YearEndMonth) context)
    {
        new Validator()
            .Text("reference", record.Reference, 100)
            .Range("amountFen", record.AmountFen, 1, 10_000_000_000)
            .Check(record.Date.Year is >= 1999 and <= 9998 && FiscalCalendar.YearEndOf(record.Date, context.YearEndMonth).Year == Key.FiscalYear, "date",
                $"must fall in fiscal year {Key.FiscalYear}.")
            .Text("memberId", record.MemberId, 40, required: false)
            .Text("note", record.Note, 500, required: false)
            .ThrowIfInvalid();
        if (record.MemberId is not null && !context.Members.Contains(record.MemberId))
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
