using AgriLink.Domain.Shares;

namespace AgriLink.Web.Apis;

public sealed record IssueSharesRequest(Holding? Holding, string? Reason);
