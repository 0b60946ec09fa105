namespace AgriLink.Web.Apis;

/// <summary>
/// A sign-in. An account with two-factor sign-in also sends the six digits its authenticator app shows
/// (<paramref name="TwoFactorCode"/>) or one of its recovery codes (<paramref name="TwoFactorRecoveryCode"/>).
/// </summary>
public sealed record LoginRequest(string? UserName, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);
