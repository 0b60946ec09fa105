using System.Collections.Immutable;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Shares;

/// <summary>
/// The share register of one cooperative, kept as its history of <see cref="ShareEvent"/>s. Every command
/// returns a new register with the new events appended (read them with <see cref="EventsAfter"/> to
/// persist); the events are the stored form, and <see cref="Replay"/> rebuilds the register from them.
/// </summary>
/// <remarks>
/// Events are appended in date order, so the register at a past date is a prefix of its history. Law
/// (Farmers' Specialized Cooperatives Law 2017) is checked when a command is given, not on replay, so a
/// later change of rule cannot make a stored history unreadable; replay checks only bookkeeping
/// (sequence, unique ids and certificates, enough shares).
/// </remarks>
public sealed class ShareRegister
{
    /// <summary>Signs the entries the register makes by itself (withdrawals falling due).</summary>
    public const string SystemActor = "system";

    private const int IndividualNoticeMonths = 3;
    private const int OrganisationNoticeMonths = 6;

    private readonly State _state;

    private ShareRegister(string cooperativeId, int fiscalYearEndMonth, State state)
    {
        CooperativeId = cooperativeId;
        FiscalYearEndMonth = fiscalYearEndMonth;
        _state = state;
    }

    public string CooperativeId { get; }

    public int FiscalYearEndMonth { get; }

    /// <summary>
    /// The history this register holds: the whole of it when replayed, or the entries appended since it was restored from a
    /// <see cref="ShareRegisterSnapshot"/> (see <see cref="Compact"/>). An immutable list; copy it (e.g. <c>ToArray()</c>)
    /// before sending it across a grain call.
    /// </summary>
    public IReadOnlyList<ShareEvent> Events => _state.Events;

    /// <summary>The number of the register's last entry (0 when it has none).</summary>
    public long LastSequence => _state.LastSequence;

    /// <summary>The date of the register's last entry (null when it has none).</summary>
    public DateOnly? LastDate => _state.LastDate;

    /// <summary>What deciding the next command needs, without the history: see <see cref="Restore"/>.</summary>
    public ShareRegisterSnapshot Snapshot => new(
        [.. _state.Holdings.Values], [.. _state.UsedHoldingIds.Order(StringComparer.Ordinal)], [.. _state.UsedCertificates.Order(StringComparer.Ordinal)],
        _state.Kinds, [.. _state.Pending.Values], _state.LastSequence, _state.LastDate);

    /// <summary>
    /// True when <see cref="PositionsAt"/> can answer for <paramref name="date"/> from what this register holds: always for
    /// a replayed register, and for a restored one from its last entry's date on (earlier dates replay the stored history).
    /// </summary>
    public bool Knows(DateOnly date) => _state.BaseSequence == 0 || _state.LastDate is not { } last || last <= date;

    /// <summary>Holdings as recorded, by holding id. A withdrawal already due but not yet recorded still shows; see <see cref="PositionsAt"/>.</summary>
    public IReadOnlyList<Holding> Holdings => _state.Holdings.Values.ToArray();

    /// <summary>Withdrawal notices not yet in effect, by shareholder id.</summary>
    public IReadOnlyList<WithdrawalNoticed> PendingWithdrawals => _state.Pending.Values.ToArray();

    public static ShareRegister Empty(string cooperativeId, int fiscalYearEndMonth = 12)
    {
        new Validator()
            .Text("cooperativeId", cooperativeId, 40)
            .Range("fiscalYearEndMonth", fiscalYearEndMonth, 1, 12)
            .ThrowIfInvalid();
        return new(cooperativeId, fiscalYearEndMonth, State.Empty);
    }

    /// <summary>The register as <paramref name="snapshot"/> left it, holding none of its history.</summary>
    public static ShareRegister Restore(string cooperativeId, int fiscalYearEndMonth, ShareRegisterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var empty = Empty(cooperativeId, fiscalYearEndMonth);
        return new(cooperativeId, fiscalYearEndMonth, empty._state with
        {
            Holdings = snapshot.Holdings.ToImmutableSortedDictionary(h => h.HoldingId, h => h, StringComparer.Ordinal),
            UsedHoldingIds = snapshot.UsedHoldingIds.ToImmutableHashSet(StringComparer.Ordinal),
            UsedCertificates = snapshot.UsedCertificates.ToImmutableHashSet(StringComparer.Ordinal),
            Kinds = snapshot.Kinds.ToImmutableDictionary(StringComparer.Ordinal),
            Pending = snapshot.Pending.ToImmutableSortedDictionary(n => n.ShareholderId, n => n, StringComparer.Ordinal),
            BaseSequence = snapshot.LastSequence,
            BaseDate = snapshot.LastDate,
        });
    }

    /// <summary>This register without the history it holds in memory (its entries are stored): <see cref="Restore"/> of its <see cref="Snapshot"/>.</summary>
    public ShareRegister Compact() =>
        new(CooperativeId, FiscalYearEndMonth, _state with { Events = [], BaseSequence = _state.LastSequence, BaseDate = _state.LastDate });

    public static ShareRegister Replay(string cooperativeId, int fiscalYearEndMonth, IEnumerable<ShareEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var register = Empty(cooperativeId, fiscalYearEndMonth);
        return new(cooperativeId, fiscalYearEndMonth, events.Aggregate(register._state, Apply));
    }

    /// <summary>The held entries numbered after <paramref name="sequence"/>.</summary>
    public IReadOnlyList<ShareEvent> EventsAfter(long sequence) =>
        _state.Events.Skip((int)Math.Clamp(sequence - _state.BaseSequence, 0, _state.Events.Count)).ToArray();

    /// <exception cref="NotFoundException">No such holding in the register.</exception>
    public Holding GetHolding(string holdingId) =>
        _state.Holdings.TryGetValue(holdingId, out var holding) ? holding : throw new NotFoundException("holding", holdingId);

    public IReadOnlyList<Holding> HoldingsOf(string shareholderId) =>
        _state.Holdings.Values.Where(h => h.ShareholderId == shareholderId).ToArray();

    /// <summary>
    /// The holdings as they stood at the end of <paramref name="date"/>: the history replayed up to that
    /// day, less the holdings of members whose withdrawal took effect at a year end before it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A restored register asked for a date before its last entry (<see cref="Knows"/>).</exception>
    public IReadOnlyList<Holding> PositionsAt(DateOnly date)
    {
        if (!Knows(date))
            throw new InvalidOperationException($"The register holds no history before entry {_state.BaseSequence}; replay the stored entries up to {date:yyyy-MM-dd}.");
        var state = _state.LastDate is not { } last || last <= date
            ? _state
            : _state.Events.TakeWhile(e => e.Date <= date).Aggregate(State.Empty, Apply);
        return state.Holdings.Values
            .Where(h => !state.Pending.TryGetValue(h.ShareholderId, out var notice) || notice.EffectiveOn >= date)
            .ToArray();
    }

    /// <summary>Records a new holding, dated its <see cref="Holding.IssuedOn"/>.</summary>
    public ShareRegister Issue(Holding holding, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(holding);
        holding.Validate();
        ValidateAudit(actor, reason);
        return ApplyDueWithdrawals(holding.IssuedOn)
            .Append(seq => new SharesIssued(seq, holding.IssuedOn, actor.Trim(), reason.Trim(), holding));
    }

    /// <summary>
    /// Moves all or part of a holding to another shareholder. Refused for shares formed from state
    /// subsidies, for a transferor who is an officer (理事, 监事, manager) during the term, and for more
    /// shares than held. Valuation and land area move in proportion to the shares.
    /// </summary>
    public ShareRegister Transfer(ShareTransfer transfer, bool transferorIsOfficer, DateOnly date, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        transfer.Validate();
        ValidateAudit(actor, reason);
        var register = ApplyDueWithdrawals(date);
        var source = register.GetHolding(transfer.HoldingId);
        if (source.IsSubsidyFormed)
            throw new RuleViolationException("shares.not-transferable",
                $"Holding {source.HoldingId} ({source.CertificateNo}) was formed from state subsidies " +
                $"({(source.Preferred ? "a poor-household preferred share" : "quantified fiscal funds")}) and cannot be transferred.");
        if (transferorIsOfficer)
            throw new RuleViolationException("shares.officer-transfer",
                $"{source.ShareholderId} is an officer of the cooperative and cannot transfer shares during the term of office.");
        if (transfer.ToShareholderId == source.ShareholderId)
            throw ValidationFailedException.For("toShareholderId", "must be a different shareholder from the current holder.");
        if (transfer.Shares > source.Shares)
            throw new RuleViolationException("shares.insufficient",
                $"Holding {source.HoldingId} has {source.Shares} shares; {transfer.Shares} cannot be transferred.");
        if (date < source.IssuedOn)
            throw ValidationFailedException.For("date", $"must not be before the holding was issued ({source.IssuedOn:yyyy-MM-dd}).");

        long[] weights = [transfer.Shares, source.Shares - transfer.Shares];
        var received = source with
        {
            HoldingId = transfer.NewHoldingId.Trim(),
            ShareholderId = transfer.ToShareholderId.Trim(),
            ShareholderKind = transfer.ToShareholderKind,
            Shares = transfer.Shares,
            ValuationFen = Money.Allocate(Money.FromFen(source.ValuationFen), weights)[0].Fen,
            IssuedOn = date,
            CertificateNo = transfer.NewCertificateNo.Trim(),
            Land = source.Land is null ? null
                : source.Land with { AreaMilliMu = Money.Allocate(Money.FromFen(source.Land.AreaMilliMu), weights)[0].Fen },
        };
        received.Validate();
        return register.Append(seq => new SharesTransferred(seq, date, actor.Trim(), reason.Trim(), source.HoldingId, transfer.Shares, received));
    }

    /// <summary>
    /// Records a written notice to withdraw. It takes effect at the first fiscal year end that is at least
    /// 3 months away (6 for village collectives and enterprises), as law Art. 25 asks. A late notice is not
    /// refused — a member cannot be held in the cooperative — but rolls to the next year end, and says so.
    /// </summary>
    public ShareRegister NoticeWithdrawal(string shareholderId, DateOnly noticeDate, string actor, string reason)
    {
        ValidateAudit(actor, reason);
        var register = ApplyDueWithdrawals(noticeDate);
        var holdings = register.HoldingsOf(shareholderId);
        if (holdings.Count == 0) throw new NotFoundException("shareholder", shareholderId);
        if (register._state.Pending.TryGetValue(shareholderId, out var pending))
            throw new RuleViolationException("shares.withdrawal-pending",
                $"{shareholderId} already gave notice on {pending.Date:yyyy-MM-dd}, effective {pending.EffectiveOn:yyyy-MM-dd}.");

        var months = NoticeMonths(holdings[0].ShareholderKind);
        var effective = FiscalCalendar.YearEndOf(noticeDate, FiscalYearEndMonth);
        var rolled = noticeDate > FiscalCalendar.NoticeDeadline(effective, months);
        if (rolled) effective = FiscalCalendar.YearEnd(effective.Year + 1, FiscalYearEndMonth);
        return register.Append(seq => new WithdrawalNoticed(seq, noticeDate, actor.Trim(), reason.Trim(), shareholderId, effective, rolled));
    }

    /// <summary>3 months' notice for households and individuals, 6 for organisations (law Art. 25).</summary>
    public static int NoticeMonths(ShareholderKind kind) =>
        kind is ShareholderKind.VillageCollective or ShareholderKind.Enterprise ? OrganisationNoticeMonths : IndividualNoticeMonths;

    /// <summary>
    /// Records every noticed withdrawal whose year end has closed before <paramref name="asOf"/>, dated the
    /// day after that year end. Every other command does this first, so the history stays in date order.
    /// </summary>
    public ShareRegister ApplyDueWithdrawals(DateOnly asOf, string actor = SystemActor)
    {
        var register = this;
        foreach (var notice in _state.Pending.Values.Where(n => n.EffectiveOn < asOf).OrderBy(n => n.EffectiveOn).ToArray())
        {
            var holdings = register.HoldingsOf(notice.ShareholderId);
            register = register.Append(seq => new SharesWithdrawn(
                seq, notice.EffectiveOn.AddDays(1), actor, $"Withdrawal noticed on {notice.Date:yyyy-MM-dd} took effect at the fiscal year end {notice.EffectiveOn:yyyy-MM-dd}.",
                notice.ShareholderId,
                holdings.Select(h => h.HoldingId).ToArray(),
                holdings.Sum(h => h.ValuationFen),
                holdings.Where(h => h.IsSubsidyFormed).Sum(h => h.ValuationFen)));
        }
        return register;
    }

    /// <summary>Turns a preferred share into an ordinary per-head share of the same household.</summary>
    public ShareRegister ConvertPreferred(string holdingId, DateOnly date, string actor, string reason)
    {
        ValidateAudit(actor, reason);
        var register = ApplyDueWithdrawals(date);
        var source = register.PreferredHolding(holdingId);
        return register.Append(seq => new PreferredConverted(seq, date, actor.Trim(), reason.Trim(), source.HoldingId));
    }

    /// <summary>
    /// Splits a preferred share evenly among <paramref name="recipientIds"/> (households), with the leftover
    /// shares going by largest remainder in id order, so the parts sum exactly to the whole. The new
    /// holdings are named <c>{holding}-r{sequence}-{n}</c> with certificates <c>{certificate}-{sequence}-{n}</c>.
    /// </summary>
    public ShareRegister ReassignPreferred(string holdingId, IReadOnlyList<string> recipientIds, DateOnly date, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(recipientIds);
        ValidateAudit(actor, reason);
        var register = ApplyDueWithdrawals(date);
        var source = register.PreferredHolding(holdingId);
        var recipients = recipientIds
            .Select(id => id?.Trim() ?? "")
            .Where(id => id != source.ShareholderId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (recipients.Length == 0 || recipients.Any(id => id.Length is 0 or > 40))
            throw ValidationFailedException.For("recipientIds", "must name at least one other household, each id 1–40 characters.");

        // Money.Allocate is the platform's one largest-remainder routine; shares are counts, not fen,
        // but the arithmetic is the same and so is the tie-break (lower index, i.e. lower id, first).
        var shares = Money.Allocate(Money.FromFen(source.Shares), [.. recipients.Select(_ => 1L)]);
        var values = Money.Allocate(Money.FromFen(source.ValuationFen), [.. shares.Select(s => s.Fen)]);
        var seq = register._state.LastSequence + 1;
        Holding[] created = [.. recipients
            .Select((id, i) => source with
            {
                HoldingId = $"{source.HoldingId}-r{seq}-{i + 1}",
                ShareholderId = id,
                ShareholderKind = ShareholderKind.Household,
                Shares = shares[i].Fen,
                ValuationFen = values[i].Fen,
                IssuedOn = date,
                CertificateNo = $"{source.CertificateNo}-{seq}-{i + 1}",
            })
            .Where(h => h.Shares > 0)];
        foreach (var holding in created) holding.Validate();
        return register.Append(s => new PreferredReassigned(s, date, actor.Trim(), reason.Trim(), source.HoldingId, created));
    }

    private Holding PreferredHolding(string holdingId)
    {
        var holding = GetHolding(holdingId);
        return holding.Preferred
            ? holding
            : throw new RuleViolationException("shares.not-preferred", $"Holding {holdingId} is not a poor-household preferred share.");
    }

    private ShareRegister Append(Func<long, ShareEvent> create) =>
        new(CooperativeId, FiscalYearEndMonth, Apply(_state, create(_state.LastSequence + 1)));

    private static void ValidateAudit(string actor, string reason) =>
        new Validator().Text("actor", actor, 100).Text("reason", reason, 1000).ThrowIfInvalid();

    private static State Apply(State state, ShareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Sequence != state.LastSequence + 1)
            throw new RuleViolationException("shares.sequence", $"Register entry {e.Sequence} cannot follow entry {state.LastSequence}.");
        if (state.LastDate is { } last && e.Date < last)
            throw new RuleViolationException("shares.out-of-order",
                $"The register is kept in date order: {e.Date:yyyy-MM-dd} is before its last entry ({last:yyyy-MM-dd}).");

        var next = e switch
        {
            SharesIssued issued => state.Add(issued.Holding),
            SharesTransferred transferred => state.Transfer(transferred),
            WithdrawalNoticed noticed => state.Notice(noticed),
            SharesWithdrawn withdrawn => state.Withdraw(withdrawn),
            PreferredConverted converted => state.Replace(state.Get(converted.HoldingId) with { Preferred = false }),
            PreferredReassigned reassigned => state.Reassign(reassigned),
            _ => throw new ArgumentException($"Unknown register event {e.GetType().Name}.", nameof(e)),
        };
        return next with { Events = next.Events.Add(e) };
    }

    /// <summary>
    /// The derived view of the history; every collection is persistent, so appending is cheap. <see cref="Events"/> are the
    /// entries after <see cref="BaseSequence"/> (0 for a replayed register; a restored one starts after its snapshot's last).
    /// </summary>
    private sealed record State(
        ImmutableList<ShareEvent> Events,
        ImmutableSortedDictionary<string, Holding> Holdings,
        ImmutableHashSet<string> UsedHoldingIds,
        ImmutableHashSet<string> UsedCertificates,
        ImmutableDictionary<string, ShareholderKind> Kinds,
        ImmutableSortedDictionary<string, WithdrawalNoticed> Pending,
        long BaseSequence = 0,
        DateOnly? BaseDate = null)
    {
        public long LastSequence => BaseSequence + Events.Count;

        public DateOnly? LastDate => Events.Count > 0 ? Events[^1].Date : BaseDate;

        public static readonly State Empty = new(
            [],
            ImmutableSortedDictionary.Create<string, Holding>(StringComparer.Ordinal),
            ImmutableHashSet.Create<string>(StringComparer.Ordinal),
            ImmutableHashSet.Create<string>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ShareholderKind>(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<string, WithdrawalNoticed>(StringComparer.Ordinal));

        public Holding Get(string holdingId) =>
            Holdings.TryGetValue(holdingId, out var holding) ? holding : throw new NotFoundException("holding", holdingId);

        public State Replace(Holding holding) => this with { Holdings = Holdings.SetItem(holding.HoldingId, holding) };

        public State Add(Holding holding)
        {
            if (UsedHoldingIds.Contains(holding.HoldingId))
                throw new RuleViolationException("shares.duplicate-holding", $"Holding id '{holding.HoldingId}' is already used in this register.");
            if (UsedCertificates.Contains(holding.CertificateNo))
                throw new RuleViolationException("shares.duplicate-certificate", $"Certificate number '{holding.CertificateNo}' is already used in this register.");
            if (Kinds.TryGetValue(holding.ShareholderId, out var kind) && kind != holding.ShareholderKind)
                throw new RuleViolationException("shares.shareholder-kind",
                    $"{holding.ShareholderId} is registered as {kind}, not {holding.ShareholderKind}.");
            return this with
            {
                Holdings = Holdings.Add(holding.HoldingId, holding),
                UsedHoldingIds = UsedHoldingIds.Add(holding.HoldingId),
                UsedCertificates = UsedCertificates.Add(holding.CertificateNo),
                Kinds = Kinds.SetItem(holding.ShareholderId, holding.ShareholderKind),
            };
        }

        public State Transfer(SharesTransferred e)
        {
            var source = Get(e.FromHoldingId);
            var received = e.Received;
            if (e.Shares <= 0 || e.Shares > source.Shares || received.Shares != e.Shares
                || received.ValuationFen > source.ValuationFen || received.AreaMilliMu > source.AreaMilliMu)
                throw new RuleViolationException("shares.insufficient",
                    $"Holding {source.HoldingId} has {source.Shares} shares; {e.Shares} cannot be transferred.");
            var rest = source with
            {
                Shares = source.Shares - e.Shares,
                ValuationFen = source.ValuationFen - received.ValuationFen,
                Land = source.Land is null ? null : source.Land with { AreaMilliMu = source.AreaMilliMu - received.AreaMilliMu },
            };
            var state = rest.Shares == 0 ? this with { Holdings = Holdings.Remove(source.HoldingId) } : Replace(rest);
            return state.Add(received);
        }

        public State Notice(WithdrawalNoticed e)
        {
            if (!Holdings.Values.Any(h => h.ShareholderId == e.ShareholderId)) throw new NotFoundException("shareholder", e.ShareholderId);
            if (Pending.ContainsKey(e.ShareholderId))
                throw new RuleViolationException("shares.withdrawal-pending", $"{e.ShareholderId} already has a withdrawal pending.");
            return this with { Pending = Pending.Add(e.ShareholderId, e) };
        }

        public State Withdraw(SharesWithdrawn e)
        {
            if (!Pending.ContainsKey(e.ShareholderId))
                throw new RuleViolationException("shares.no-withdrawal", $"{e.ShareholderId} gave no notice of withdrawal.");
            var held = Holdings.Values.Where(h => h.ShareholderId == e.ShareholderId).Select(h => h.HoldingId);
            if (!held.Order(StringComparer.Ordinal).SequenceEqual(e.HoldingIds.Order(StringComparer.Ordinal)))
                throw new RuleViolationException("shares.withdrawal-holdings", $"The withdrawal of {e.ShareholderId} does not list exactly its holdings.");
            return this with { Holdings = Holdings.RemoveRange(e.HoldingIds), Pending = Pending.Remove(e.ShareholderId) };
        }

        public State Reassign(PreferredReassigned e)
        {
            var source = Get(e.FromHoldingId);
            if (!source.Preferred
                || e.NewHoldings.Sum(h => h.Shares) != source.Shares
                || e.NewHoldings.Sum(h => h.ValuationFen) != source.ValuationFen)
                throw new RuleViolationException("shares.reassignment",
                    $"A reassignment of {source.HoldingId} must move exactly its {source.Shares} preferred shares.");
            return e.NewHoldings.Aggregate(this with { Holdings = Holdings.Remove(source.HoldingId) }, (s, h) => s.Add(h));
        }
    }
}
