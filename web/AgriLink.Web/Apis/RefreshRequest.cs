namespace AgriLink.Web.Apis;

public sealed record RefreshRequest(string? RefreshToken);
