using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Common;

/// <summary>
/// Group commit for a reentrant grain whose state is an immutable record. Each command decides synchronously
/// against the working state (committed plus changes waiting to be written), so two commands never see the same
/// stock; every command that arrives while a write is in flight joins the next single write. A caller's task
/// completes only after the write that holds its change committed. When a write fails, its callers fail, the
/// working state falls back to what the database has, and the commands queued behind it are decided again.
/// </summary>
/// <remarks>
/// Not thread-safe: it relies on the grain's single-threaded scheduler, as Orleans' reentrancy gives.
/// <c>afterCommit</c> (previous, committed, the events written) runs before the callers are answered and must not throw. <c>events</c>
/// (previous, next, the write's number) gives the events a write raises, written to the outbox in its transaction.
/// </remarks>
internal sealed class GroupCommit<TState>(
    IPersistentState<TState> storage,
    Func<TState, TState, IReadOnlyList<Live.MarketEvent>, Task> afterCommit,
    Func<TState, TState, long, IReadOnlyList<Live.MarketEvent>>? events = null)
    where TState : class
{
    private List<Pending> _queued = [];
    private List<Pending> _inFlight = [];
    private bool _writing;

    /// <summary>What the database has: what reads show.</summary>
    public TState Committed { get; private set; } = storage.State;

    /// <summary>Committed plus every accepted change not yet written: what commands decide against.</summary>
    public TState Working { get; private set; } = storage.State;

    /// <summary>Starts from the state storage read (on activation, before any command).</summary>
    public void Reload() => Committed = Working = storage.State;

    /// <summary>
    /// Runs <paramref name="decide"/> now against the working state. It throws to refuse (nothing changes) or returns
    /// the next state (the same instance when nothing changes) and the caller's answer.
    /// </summary>
    /// <param name="audit">The command's audit entry from (before, after), written with the write that holds its change.</param>
    public Task<T> Submit<T>(Func<TState, (TState Next, T Result)> decide, Func<TState, TState, AuditRecord?>? audit = null)
    {
        var pending = new Pending<T>(decide, audit);
        Admit(pending);
        return pending.Task;
    }

    /// <summary>Decides the command: refused, answered at once, or waiting for a write.</summary>
    private void Admit(Pending pending)
    {
        bool changed;
        try
        {
            var before = Working;
            Working = pending.Decide(before);
            changed = !ReferenceEquals(before, Working);
            pending.Audit = changed ? pending.AuditOf(before, Working) : null;
        }
        catch (Exception e)
        {
            pending.Fail(e);
            return;
        }

        if (!changed && ReferenceEquals(Working, Committed))
        {
            pending.Complete();
        }
        else if (!changed && _queued.Count == 0)
        {
            // Nothing to write, but the answer rests on the write in flight: wait for it.
            _inFlight.Add(pending);
        }
        else
        {
            pending.Changed = changed;
            _queued.Add(pending);
            if (!_writing) _ = Flush();
        }
    }

    private async Task Flush()
    {
        _writing = true;
        try
        {
            while (_queued.Count > 0)
            {
                (_inFlight, _queued) = (_queued, []);
                var target = Working;
                storage.State = target;
                IReadOnlyList<Live.MarketEvent> raised = [];
                try
                {
                    if (events is not null && Live.MarketEvents.NextSequence(storage) is { } sequence) raised = events(Committed, target, sequence);
                    var changes = Live.MarketEvents.Staged(raised) ?? new StateChanges();
                    foreach (var entry in _inFlight.Select(p => p.Audit).OfType<AuditRecord>()) changes.Add(entry);
                    await StagedChanges.WriteStateAsync(storage, changes);
                }
                catch (Exception e)
                {
                    RollBack(e);
                    continue;
                }

                var previous = Committed;
                Committed = target;
                var done = _inFlight;
                _inFlight = [];
                await afterCommit(previous, target, raised);
                foreach (var pending in done) pending.Complete();
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void RollBack(Exception error)
    {
        storage.State = Committed;
        Working = Committed;
        var failed = _inFlight.Where(p => p.Changed).ToList();
        var again = _inFlight.Where(p => !p.Changed).Concat(_queued).ToList();
        _inFlight = [];
        _queued = [];
        foreach (var pending in failed) pending.Fail(error);
        // Queued commands were decided against changes that never reached the database: decide them afresh.
        foreach (var pending in again) Admit(pending);
    }

    private abstract class Pending
    {
        public bool Changed { get; set; }

        /// <summary>The audit entry of this command's change, as last decided.</summary>
        public AuditRecord? Audit { get; set; }

        public abstract TState Decide(TState current);
        public abstract AuditRecord? AuditOf(TState before, TState after);
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private sealed class Pending<T>(Func<TState, (TState Next, T Result)> decide, Func<TState, TState, AuditRecord?>? audit) : Pending
    {
        public override AuditRecord? AuditOf(TState before, TState after) => audit?.Invoke(before, after);

        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override TState Decide(TState current)
        {
            (var next, _result) = decide(current);
            return next;
        }

        public override void Complete() => _done.TrySetResult(_result);

        public override void Fail(Exception error) => _done.TrySetException(error);
    }
}
