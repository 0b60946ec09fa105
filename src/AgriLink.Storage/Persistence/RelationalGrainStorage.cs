using System.Data.Common;
using System.Globalization;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Outbox;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace AgriLink.Storage.Persistence;

/// <summary>
/// Orleans grain storage over <see cref="AgriLinkDatabase"/>, one row per (state name, grain).
/// Every write and clear is checked against the row's version (the ETag), so a stale activation — a duplicate
/// after a silo failure, or a grain whose earlier write failed — is refused instead of overwriting newer data.
/// A write carries, in its transaction, the read rows its state's projector derives and whatever the grain staged
/// (<see cref="StagedChanges"/>): audit entries, outbox events, appended rows. A refused write writes none of them.
/// </summary>
public sealed class RelationalGrainStorage(
    AgriLinkDatabase database,
    IGrainStorageSerializer serializer,
    IActivatorProvider activatorProvider,
    TimeProvider? timeProvider = null,
    ProjectorRegistry? projectors = null,
    OutboxSignal? outboxSignal = null) : IGrainStorage
{
    private static readonly string[] Columns = ["state_name", "grain_id", "grain_type", "version", "payload", "updated_at"];
    private static readonly string[] Key = ["state_name", "grain_id"];

    private const string SelectSql = "SELECT version, payload FROM grain_state WHERE state_name = @state_name AND grain_id = @grain_id";
    private const string VersionSql = "SELECT version FROM grain_state WHERE state_name = @state_name AND grain_id = @grain_id";

    private const string UpdateSql =
        "UPDATE grain_state SET version = @version, payload = @payload, grain_type = @grain_type, updated_at = @updated_at " +
        "WHERE state_name = @state_name AND grain_id = @grain_id AND version = @expected";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ChangeWriter _changes = new(database, projectors?.Totals);
    private GroupCommitWriter<RowWrite, RowOutcome>? _writer;
    private object? _writerLock;

    /// <summary>One writer (and one background loop) per storage, started by the first write.</summary>
    private GroupCommitWriter<RowWrite, RowOutcome> Writer =>
        LazyInitializer.EnsureInitialized(ref _writer, ref _writerLock,
            () => new GroupCommitWriter<RowWrite, RowOutcome>(database, WriteRowInTransactionAsync, WriteEventsInTransactionAsync));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, SelectSql, KeyParameters(stateName, grainId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            SetEmpty(grainState, etag: null);
            return;
        }

        var etag = FormatVersion(reader.GetInt64(0));
        if (await reader.IsDBNullAsync(1, cancellationToken))
        {
            // Cleared: the row stays as a tombstone so its version keeps guarding against stale writers.
            SetEmpty(grainState, etag);
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(1)));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        // Taken first, synchronously: the staged changes belong to this call's flow only.
        var staged = StagedChanges.Current;

        // Serialize and project before opening the transaction so it stays as short as possible.
        var payload = serializer.Serialize(grainState.State).ToArray();
        var changes = Attachments(stateName, grainId, grainState.State, staged);
        var newVersion = await WriteRowAsync(stateName, grainId, grainState.ETag, payload, changes, cancellationToken);

        // Only now, with the commit done, does memory move forward; a failed write leaves the ETag as it was.
        grainState.ETag = FormatVersion(newVersion);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (grainState.ETag is null)
        {
            // Nothing was ever written as far as this activation knows: fine if the database agrees.
            var stored = await ReadVersionAsync(stateName, grainId, cancellationToken);
            if (stored is not null)
            {
                throw Conflict(stateName, grainId, stored, expected: null);
            }

            SetEmpty(grainState, etag: null);
            return;
        }

        var changes = Attachments(stateName, grainId, state: null, StagedChanges.Current);
        var newVersion = await WriteRowAsync(stateName, grainId, grainState.ETag, payload: null, changes, cancellationToken);
        SetEmpty(grainState, FormatVersion(newVersion));
    }

    /// <summary>
    /// Inserts (no ETag) or version-checked updates the row, committed through the group-commit writer (alone or with
    /// other grains' rows that arrived meanwhile); returns the new version once it is durable.
    /// </summary>
    private async Task<long> WriteRowAsync(
        string stateName, GrainId grainId, string? etag, byte[]? payload, RowAttachments changes, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (etag is not null)
        {
            expected = long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InconsistentStateException($"ETag '{etag}' was not issued by this storage.", storedEtag: null, currentEtag: etag);
        }

        var row = new RowWrite(stateName, grainId.ToString(), grainId.Type.ToString(), expected, payload, database.Dialect.ToDbTimestamp(_time.GetUtcNow()), changes);
        var outcome = await Writer.WriteAsync(row, cancellationToken);
        if (outcome.Written)
        {
            if (changes.Events.Count > 0) outboxSignal?.Notify();
            return outcome.NewVersion;
        }

        // Lost the race or held a stale ETag: nothing of this row was written.
        throw Conflict(stateName, grainId, outcome.StoredVersion is { } stored ? FormatVersion(stored) : null, etag);
    }

    /// <summary>Runs inside the writer's transaction: one row's insert or version-checked update.</summary>
    private async Task<RowOutcome> WriteRowInTransactionAsync(DbConnection connection, DbTransaction transaction, RowWrite row)
    {
        var newVersion = (row.Expected ?? 0) + 1;
        var dialect = database.Dialect;
        var sql = row.Expected is null ? dialect.InsertIfAbsent("grain_state", Columns, Key) : UpdateSql;
        await using var command = database.CreateCommand(connection, transaction, sql,
            ("@state_name", row.StateName),
            ("@grain_id", row.GrainId),
            ("@grain_type", row.GrainType),
            ("@version", newVersion),
            ("@payload", row.Payload),
            ("@updated_at", row.UpdatedAt));
        if (row.Expected is not null)
        {
            // Bound only when the SQL uses it: not every provider tolerates unused parameters.
            dialect.AddParameter(command, "@expected", row.Expected);
        }

        if (await command.ExecuteNonQueryAsync() == 1)
        {
            // The version check passed: now, and only now, what goes with the state.
            await _changes.WriteRowsAsync(connection, transaction, row.Changes.Rows);
            await _changes.WriteAuditAsync(connection, transaction, row.UpdatedAt, row.Changes.Audit);
            return new RowOutcome(true, newVersion, null);
        }

        await using var probe = database.CreateCommand(connection, transaction, VersionSql, ("@state_name", row.StateName), ("@grain_id", row.GrainId));
        return new RowOutcome(false, 0, await probe.ExecuteScalarAsync() is long version ? version : null);
    }

    /// <summary>
    /// Last in the shared transaction: the running totals every written row moved (summed, in key order), then every
    /// written row's events, numbered by each row's new version where they ask.
    /// </summary>
    private async Task WriteEventsInTransactionAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(RowWrite Write, RowOutcome Outcome)> batch)
    {
        await _changes.FlushTotalsAsync(connection, transaction);
        var events = batch.Where(b => b.Outcome.Written)
            .SelectMany(b => b.Write.Changes.Events.Select(e => e.Sequence is null ? e with { Sequence = b.Outcome.NewVersion } : e))
            .ToList();
        await _changes.WriteEventsAsync(connection, transaction, events);
    }

    /// <summary>The projector's rows for the new state (or its removal), then whatever the grain staged.</summary>
    private RowAttachments Attachments(string stateName, GrainId grainId, object? state, StateChanges? staged)
    {
        var projected = projectors?.For(stateName)?.Project(grainId.Key.ToString()!, state).ToList() ?? [];
        if (staged is null) return projected.Count == 0 ? RowAttachments.None : new RowAttachments(projected, [], []);
        return new RowAttachments([.. projected, .. staged.Rows], [.. staged.Audit], [.. staged.Events]);
    }

    private async Task<string?> ReadVersionAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = database.CreateCommand(connection, null, VersionSql, KeyParameters(stateName, grainId));
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? FormatVersion(version) : null;
    }

    private void SetEmpty<T>(IGrainState<T> grainState, string? etag)
    {
        // Orleans' own activator, so state types get the same fresh instance the runtime would create.
        grainState.State = activatorProvider.GetActivator<T>().Create();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static (string, object?)[] KeyParameters(string stateName, GrainId grainId) =>
        [("@state_name", stateName), ("@grain_id", grainId.ToString())];

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? expected) =>
        new($"Version conflict writing state '{stateName}' of grain {grainId}: stored ETag '{stored ?? "none"}', expected '{expected ?? "none"}'.",
            storedEtag: stored, currentEtag: expected);
}

/// <summary>One grain-state row to write: insert when <see cref="Expected"/> is null, else a version-checked update (null payload clears).</summary>
internal sealed record RowWrite(string StateName, string GrainId, string GrainType, long? Expected, byte[]? Payload, object UpdatedAt, RowAttachments Changes);

/// <summary>What a row write carries into its transaction (copied when the write starts, so later changes by the caller do not leak in).</summary>
internal sealed record RowAttachments(IReadOnlyList<ProjectionWrite> Rows, IReadOnlyList<AuditRecord> Audit, IReadOnlyList<OutboxMessage> Events)
{
    public static readonly RowAttachments None = new([], [], []);
}

/// <summary>The row's new version, or, when its version check failed, what is stored instead (nothing of it was written).</summary>
internal readonly record struct RowOutcome(bool Written, long NewVersion, long? StoredVersion);
