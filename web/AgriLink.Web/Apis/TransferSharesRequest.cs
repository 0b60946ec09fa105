using AgriLink.Domain.Shares;

namespace AgriLink.Web.Apis;

public sealed record TransferSharesRequest(ShareTransfer? Transfer, string? Reason);
