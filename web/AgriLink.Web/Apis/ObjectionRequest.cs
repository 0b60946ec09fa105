namespace AgriLink.Web.Apis;

public sealed record ObjectionRequest(string? Text);
