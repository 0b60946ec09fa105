namespace AgriLink.Web.Accounts;

/// <summary>
/// Sends a text message to a mobile number. The installation plugs its SMS gateway in here (register an implementation
/// in place of <see cref="LoggingMessageSender"/> in <c>AccountsExtensions</c>); without one, messages are only logged.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken ct = default);
}
