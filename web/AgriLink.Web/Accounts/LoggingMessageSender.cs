namespace AgriLink.Web.Accounts;

/// <summary>
/// The default delivery: writes where a message would go, never what it says (it carries a one-time code). Without a
/// gateway, people get their codes on paper or on screen from whoever invited them.
/// </summary>
public sealed partial class LoggingMessageSender(ILogger<LoggingMessageSender> logger) : ISmsSender, IEmailSender
{
    public Task SendAsync(string phoneNumber, string text, CancellationToken ct = default)
    {
        LogNotSent(logger, "SMS", Mask(phoneNumber));
        return Task.CompletedTask;
    }

    public Task SendAsync(string address, string subject, string text, CancellationToken ct = default)
    {
        LogNotSent(logger, "e-mail", Mask(address));
        return Task.CompletedTask;
    }

    private static string Mask(string to) => to.Length <= 4 ? "****" : to[..3] + "****" + to[^2..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Channel} gateway is configured: a one-time code for {To} was not sent")]
    private static partial void LogNotSent(ILogger logger, string channel, string to);
}
