namespace AgriLink.Web.Apis;

public sealed record Me(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Cooperatives,
    string? Enterprise, string? Household, string? Buyer);
