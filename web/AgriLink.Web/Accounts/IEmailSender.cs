namespace AgriLink.Web.Accounts;

/// <summary>Sends an e-mail; like <see cref="ISmsSender"/>, a provider seam whose default only logs.</summary>
public interface IEmailSender
{
    Task SendAsync(string address, string subject, string text, CancellationToken ct = default);
}
