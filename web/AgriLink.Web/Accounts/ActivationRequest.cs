namespace AgriLink.Web.Accounts;

/// <summary>Opening an invited account: the code from the slip, the user name chosen (a household may take its phone number) and a password.</summary>
public sealed record ActivationRequest(string? Code, string? UserName, string? Password);

/// <summary>Setting a new password with a one-time reset code.</summary>
public sealed record PasswordResetRequest(string? Code, string? NewPassword);

/// <summary>Changing one's own password: the current one is required.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Asking for a reset code to be sent to the account's phone or e-mail.</summary>
public sealed record ForgotPasswordRequest(string? UserName);
