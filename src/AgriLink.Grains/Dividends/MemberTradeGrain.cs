using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Shares;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// A cooperative-year's member trade. The state keeps the totals a declaration needs; each delivery is a row appended
/// to <c>member_trade</c> in the same transaction as the totals it changes, so a record costs by the delivery, not by the
/// year's book. A replayed reference is looked up among the rows.
/// </summary>
public sealed class MemberTradeGrain(
    [PersistentState("member-trade", GrainStorage.Main)] IPersistentState<MemberTradeState> state,
    Projections.TradeRows rows) : Grain, IMemberTradeGrain
{
    private CooperativeYear Key => CooperativeYear.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state from before the rows held its deliveries: move them into rows, once, with the totals, in one write.
        var legacy = state.State.Records;
        if (legacy.Count == 0) return;
        var changes = new StateChanges();
        for (var i = 0; i < legacy.Count; i++) changes.Add(Projections.TradeRows.Row(Key, i, legacy[i]));
        await state.CommitAsync(new MemberTradeState().Add(legacy) with { Records = [] }, changes);
    }

    public Task<TradeSummary> Record(TradeRecord record) => RecordMany([record]);

    public async Task<TradeSummary> RecordMany(IReadOnlyList<TradeRecord> records)
    {
        var context = await LoadContext();
        var references = records.Select(r => r.Reference ?? "").Distinct(StringComparer.Ordinal).ToList();
        var recorded = (await rows.Find(Key, references)).ToDictionary(r => r.Reference, StringComparer.Ordinal);
        var added = new List<TradeRecord>();
        var seen = new Dictionary<string, TradeRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var existing = recorded.GetValueOrDefault(record.Reference ?? "") ?? seen.GetValueOrDefault(record.Reference ?? "");
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
        return await Append(added);
    }

    public async Task<TradeSummary> Reverse(IReadOnlyList<TradeReversal> reversals)
    {
        ArgumentNullException.ThrowIfNull(reversals);
        foreach (var r in reversals)
            new Validator().Text("reference", r.Reference, 100).Text("originalReference", r.OriginalReference, 100)
                .Range("amountFen", r.AmountFen, 1, 10_000_000_000).ThrowIfInvalid();
        var recorded = (await rows.Find(Key, reversals.SelectMany(r => new[] { r.Reference, r.OriginalReference }).Distinct(StringComparer.Ordinal).ToList()))
            .ToDictionary(r => r.Reference, StringComparer.Ordinal);
        var added = new List<TradeRecord>();
        foreach (var r in reversals)
        {
            // Already taken back (a retry), or a delivery that was never recorded (its posting was refused): nothing to do.
            if (recorded.ContainsKey(r.Reference) || added.Any(a => a.Reference == r.Reference)) continue;
            if (!recorded.TryGetValue(r.OriginalReference, out var original) || original.AmountFen <= 0) continue;
            // The same member (or non-member trade) and day as the delivery, so the year and the member's total it moved move back.
            added.Add(new TradeRecord(r.Reference, original.MemberId, -Math.Min(r.AmountFen, original.AmountFen), original.Date, TradeSource.Refund, r.Note));
        }
        return await Append(added);
    }

    private async Task<TradeSummary> Append(List<TradeRecord> added)
    {
        if (added.Count == 0) return Summarise();
        await EnsureYearOpenForTrade();
        var changes = new StateChanges();
        for (var i = 0; i < added.Count; i++) changes.Add(Projections.TradeRows.Row(Key, state.State.Count + i, added[i]));
        // Trade is audited as its cooperative's: the deliveries this call adds.
        if (AuditEntries.For("cooperative", Key.CooperativeId, null, added.Count == 1 ? added[0] : added) is { } entry) changes.Add(entry);
        await state.CommitAsync(state.State.Add(added), changes);
        return Summarise();
    }

    public Task<TradeSummary> Summary() => Task.FromResult(Summarise());

    public Task<IReadOnlyList<TradeRecord>> Records() => rows.All(Key);

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
        var s = state.State;
        var members = s.MemberTotals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new MemberTrade(t.Key, t.Value)).ToList();
        return new TradeSummary(Key.FiscalYear, members, s.NonMemberFen, s.Count);
    }
}
