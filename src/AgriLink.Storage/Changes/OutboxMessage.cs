namespace AgriLink.Storage.Changes;

/// <summary>
/// A domain event to write with a change into the outbox. <see cref="Sequence"/> numbers the changes of
/// <see cref="Resource"/>; null takes the version the grain state row gets with this write (one more per write, no gaps).
/// </summary>
public sealed record OutboxMessage(string Topic, string Name, string Resource, long? Sequence, DateTimeOffset At, string Data);
