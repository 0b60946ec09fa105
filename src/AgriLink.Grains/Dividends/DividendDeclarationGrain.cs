using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Shares;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Dividends;

public sealed partial class DividendDeclarationGrain(
    [PersistentState("dividend-declaration", GrainStorage.Main)] IPersistentState<DividendDeclarationState> state,
    [PersistentState("dividend-inputs", GrainStorage.Main)] IPersistentState<DividendInputsState> inputsState,
    ILedger ledger,
    TimeProvider clock,
    ILogger<DividendDeclarationGrain> logger) : Grain, IDividendDeclarationGrain
{
    /// <summary>The current revision's lines, computed once per activation.</summary>
    private IReadOnlyList<DividendLine>? _lines;

    /// <summary>The audited resource type (its id is the cooperative and year, <see cref="CooperativeYear"/>).</summary>
    private const string AuditResource = "declaration";

    private CooperativeYear Key => CooperativeYear.Parse(this.GetPrimaryKeyString());

    /// <summary>
    /// Inputs stored before the charter was kept beside them are stored again with the declaration's charter (the one
    /// they were computed under), so their lines reach the <c>dividend_lines</c> projection (see <see cref="DividendLinesUpgrade"/>).
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (inputsState.State is { Inputs: not null, Charter: null } inputs && state.State.Charter is { } charter && inputs.Revision == state.State.Revision)
            await inputsState.CommitAsync(inputs with { Charter = charter });
    }

    public async Task<DeclarationView> Prepare(YearEndFigures figures, string actor)
    {
        new Validator().Range("fiscalYear", Key.FiscalYear, 2000, 9998).ThrowIfInvalid();
        var existing = state.State.Declaration;
        if (existing is not null && existing.Status != DeclarationStatus.Draft)
            throw new RuleViolationException("declaration.not-draft",
                $"The {Key.FiscalYear} declaration is {existing.Status}; only a draft can be recomputed.");
        var register = GrainFactory.GetGrain<IShareRegisterGrain>(Key.CooperativeId);
        var charter = await register.GetCharter()
            ?? throw new RuleViolationException("declaration.no-charter", "Record the cooperative's charter (distribution rates and floors) first.");
        var today = clock.Today();
        if (FiscalCalendar.YearEnd(Key.FiscalYear, charter.FiscalYearEndMonth) >= today)
            throw new RuleViolationException("declaration.year-open", $"Fiscal year {Key.FiscalYear} has not closed yet.");

        var collectives = await GrainFactory.GetGrain<ICooperativeGrain>(Key.CooperativeId).MemberIds(MemberKind.VillageCollective);
        var trade = await GrainFactory.GetGrain<IMemberTradeGrain>(Key.ToString()).Summary();
        var collective = collectives.Order(StringComparer.Ordinal).FirstOrDefault();
        var inputs = new YearEndInputs(Key.FiscalYear, figures.SurplusFen, figures.PriorLossesFen, figures.ProfitPerMuFen, collective,
            trade.MemberTrades, await register.PositionsAtYearEnd(Key.FiscalYear), trade.NonMemberTradeFen);
        var distribution = SurplusDistributor.Distribute(charter, inputs);

        var declaration = existing is null
            ? DeclarationWorkflow.Draft(Key.ToString(), Key.FiscalYear, actor, today)
            : existing with { PreparedBy = actor, PreparedOn = today };
        // Inputs first: until the small state names the new revision, the old totals still match the old inputs.
        var revision = state.State.Revision + 1;
        _lines = null;
        await inputsState.CommitAsync(new DividendInputsState { Revision = revision, Inputs = inputs, Charter = charter });
        var raised = await state.CommitAsync(new DividendDeclarationState
        {
            Declaration = declaration, Figures = figures, Charter = charter, Totals = distribution with { Lines = [] },
            Revision = revision, LineCount = distribution.Lines.Count,
        }, Changed, () => Audited(existing));
        _lines = distribution.Lines;
        Live.MarketEvents.Publish(GrainFactory, raised);
        await register.RecordDeclaration(Key.FiscalYear);
        return View();
    }

    public Task<DeclarationView> Get() => Task.FromResult(View());

    public Task<IReadOnlyList<DividendLine>> Lines(int offset, int limit) =>
        Task.FromResult<IReadOnlyList<DividendLine>>(CurrentLines().Skip(offset).Take(limit).ToList());

    public Task<DividendLine?> LineFor(string shareholderId) =>
        Task.FromResult(CurrentLines().FirstOrDefault(l => l.ShareholderId == shareholderId));

    public Task<DeclarationView> Approve(string actor) =>
        Change(d => DeclarationWorkflow.Approve(d, actor, clock.Today()));

    public Task<DeclarationView> Publicise(DateOnly noticeStart, DateOnly noticeEnd, string actor) =>
        Change(d => DeclarationWorkflow.Publicise(d, noticeStart, noticeEnd, Existing().Charter!.NoticeDays));

    public async Task<DeclarationView> FileObjection(string memberId, string text)
    {
        var coop = await GrainFactory.GetGrain<ICooperativeGrain>(Key.CooperativeId).Get();
        var isMember = coop.Members.Any(m => m.MemberId == memberId);
        var id = $"obj-{Existing().Declaration!.Objections.Count + 1}";
        return await Change(d => DeclarationWorkflow.FileObjection(d, id, memberId, isMember, text, clock.Today()));
    }

    public Task<DeclarationView> ResolveObjection(string objectionId, ObjectionOutcome outcome, string actor, string resolution) =>
        Change(d => DeclarationWorkflow.ResolveObjection(d, objectionId, outcome, actor, resolution, clock.Today()));

    public Task EnsureReadyForAssembly()
    {
        DeclarationWorkflow.EnsureReadyForAssembly(Existing().Declaration!, clock.Today());
        return Task.CompletedTask;
    }

    public Task<DeclarationView> RecordResolution(string resolution)
    {
        var current = Existing().Declaration!;
        return ReferenceEquals(DeclarationWorkflow.RecordResolution(current, resolution, clock.Today()), current)
            ? Task.FromResult(View())
            : Change(d => DeclarationWorkflow.RecordResolution(d, resolution, clock.Today()));
    }

    public async Task<PaymentReport> Pay(string actor)
    {
        var current = Existing();
        var totals = current.Totals!;
        if (current.Declaration!.Status == DeclarationStatus.Paid)
            return new PaymentReport(0, 0, totals.TotalPaidFen, AlreadyPaid: true);
        var today = clock.Today();
        DeclarationWorkflow.EnsureCanPay(current.Declaration, today);

        // Money guard, before anything is posted: the lines must be exactly the distribution that was approved.
        var payable = CurrentLines();
        if (payable.Count != current.LineCount || payable.Sum(l => l.PaidFen) != totals.TotalPaidFen)
            throw new RuleViolationException("declaration.inconsistent",
                "The lines do not add up to the approved distribution; nothing was paid.");
        var at = clock.Now();
        int posted = 0, skipped = 0;
        if (DividendPayments.Appropriation(Key, totals, at) is { } appropriation)
        {
            var result = await ledger.PostAsync(appropriation);
            if (result.WasPosted) posted++; else skipped++;
        }
        foreach (var batch in payable.Chunk(DividendPayments.BatchSize))
        {
            var transfers = batch.Select(l => DividendPayments.ForLine(Key, l, at)).OfType<LedgerTransfer>().ToList();
            if (transfers.Count == 0) continue;
            var result = await ledger.PostBatchAsync(transfers);
            posted += result.Posted;
            skipped += result.AlreadyPosted;
        }
        var report = new PaymentReport(posted, skipped, totals.TotalPaidFen, AlreadyPaid: false);
        var raised = await state.CommitAsync(current with
        {
            Declaration = DeclarationWorkflow.MarkPaid(current.Declaration, actor, today),
            PaidLineCount = payable.Count,
        }, Changed, () => Audited(current.Declaration, report));
        BusinessMetrics.Paid(totals.TotalPaidFen);
        LogPaid(Key.ToString(), payable.Count, totals.TotalPaidFen, posted, skipped, actor);
        Live.MarketEvents.Publish(GrainFactory, raised);
        return report;
    }

    private async Task<DeclarationView> Change(Func<Declaration, Declaration> transition)
    {
        var current = Existing();
        var before = current.Declaration!.Status;
        var raised = await state.CommitAsync(current with { Declaration = transition(current.Declaration!) },
            sequence => state.State.Declaration!.Status != before ? Changed(sequence) : [], () => Audited(current.Declaration));
        if (state.State.Declaration!.Status != before) LogStatus(Key.ToString(), before, state.State.Declaration.Status);
        Live.MarketEvents.Publish(GrainFactory, raised);
        return View();
    }

    /// <summary>
    /// The audit entry of the change being written, when the caller declared one for this declaration: the declaration as
    /// it was and as it is now (with the payment's figures when it was paid).
    /// </summary>
    private Storage.Changes.AuditRecord? Audited(Declaration? before, PaymentReport? payment = null) =>
        AuditEntries.For(AuditResource, Key.ToString(), before, payment is null ? state.State.Declaration : new { Declaration = state.State.Declaration, Payment = payment });

    /// <summary>
    /// The declaration's status changed: its cooperative's admins hear it, and, once publicised and again when paid, each
    /// member household hears its own line. Numbered by the stored row's version (the declaration is the resource).
    /// </summary>
    private IReadOnlyList<Live.MarketEvent> Changed(long sequence)
    {
        var s = state.State;
        if (s.Declaration is not { } declaration) return [];
        var events = new List<Live.MarketEvent>();
        var status = declaration.Status.ToString();
        var name = $"dividend.{status.ToLowerInvariant()}";
        var resource = $"dividend:{Key}";
        var at = clock.Now();
        events.Add(Live.MarketEvents.Create($"coop:{Key.CooperativeId}", name, resource, sequence, at, new
        {
            cooperativeId = Key.CooperativeId, fiscalYear = Key.FiscalYear, status, totalPaidFen = s.Totals?.TotalPaidFen, lineCount = s.LineCount,
        }));
        if (declaration.Status is not (DeclarationStatus.Publicised or DeclarationStatus.Paid)) return events;
        var households = CurrentLines().Where(l => l.ShareholderId.StartsWith(Domain.Identifiers.Ids.Household + "-", StringComparison.Ordinal));
        events.AddRange(households.Select(l => Live.MarketEvents.Create($"household:{l.ShareholderId}", name, resource, sequence, at, new
        {
            cooperativeId = Key.CooperativeId, fiscalYear = Key.FiscalYear, status, paidFen = l.PaidFen, owedFen = l.OwedFen,
        })));
        return events;
    }

    private DividendDeclarationState Existing() =>
        state.State.Declaration is null ? throw new NotFoundException("declaration", Key.ToString()) : state.State;

    /// <summary>The lines of the current computation; a crash between the two writes of Prepare shows here, not as wrong money.</summary>
    private IReadOnlyList<DividendLine> CurrentLines()
    {
        var s = Existing();
        if (_lines is not null) return _lines;
        if (s.Revision == 0 || inputsState.State.Revision != s.Revision || inputsState.State.Inputs is null)
            throw new RuleViolationException("declaration.incomplete",
                "The last computation of this declaration did not finish; prepare it again.");
        var recomputed = SurplusDistributor.Distribute(s.Charter!, inputsState.State.Inputs);
        if (recomputed.TotalPaidFen != s.Totals!.TotalPaidFen || recomputed.Lines.Count != s.LineCount)
            throw new RuleViolationException("declaration.inconsistent",
                "Recomputing the distribution from its stored inputs does not give the approved totals.");
        return _lines = recomputed.Lines;
    }

    private DeclarationView View()
    {
        var s = Existing();
        return new DeclarationView(Key.CooperativeId, s.Declaration!, s.Figures!, s.Totals!, s.LineCount, s.PaidLineCount);
    }

    [LoggerMessage(LogLevel.Information, "Dividend declaration {Declaration}: {Before} -> {After}")]
    private partial void LogStatus(string declaration, DeclarationStatus before, DeclarationStatus after);

    [LoggerMessage(LogLevel.Information,
        "Dividend declaration {Declaration} paid: {Lines} lines, {TotalFen} fen; {Posted} transfers posted, {Skipped} already posted; by {Actor}")]
    private partial void LogPaid(string declaration, int lines, long totalFen, int posted, int skipped, string actor);
}
