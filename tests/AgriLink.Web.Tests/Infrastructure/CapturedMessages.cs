using System.Collections.Concurrent;
using AgriLink.Web.Accounts;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>The test app's SMS and e-mail gateway: keeps what would have been sent, by recipient, for tests to read.</summary>
public sealed class CapturedMessages : ISmsSender, IEmailSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _sent = new(StringComparer.Ordinal);

    public Task SendAsync(string phoneNumber, string text, CancellationToken ct = default)
    {
        _sent.GetOrAdd(phoneNumber, _ => new()).Enqueue(text);
        return Task.CompletedTask;
    }

    public Task SendAsync(string address, string subject, string text, CancellationToken ct = default) => SendAsync(address, text, ct);

    public IReadOnlyList<string> To(string recipient) => _sent.TryGetValue(recipient, out var texts) ? texts.ToList() : [];
}
