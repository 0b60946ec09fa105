namespace AgriLink.Web.Apis;

public sealed record LoginRequest(string? UserName, string? Password);
