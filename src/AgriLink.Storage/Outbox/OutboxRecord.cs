namespace AgriLink.Storage.Outbox;

/// <summary>An event as the outbox holds it: <see cref="Position"/> is its global number, in commit order.</summary>
public sealed record OutboxRecord(long Position, string Topic, string Name, string Resource, long Sequence, DateTimeOffset At, string Data);
