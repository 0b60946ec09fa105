namespace AgriLink.Web.Apis;

public sealed record WithdrawalRequest(string? ShareholderId, string? Reason);
