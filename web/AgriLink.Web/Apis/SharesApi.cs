using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Shares;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// The 三变 share register, charter and member trade of a cooperative. Its admins write; its member
/// households may read the register and charter (the register is posted publicly in the village anyway).
/// </summary>
public static class SharesApi
{
    public static RouteGroupBuilder MapSharesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives/{id}").WithTags("Share register").RequireAuthorization();
        api.MapGet("/charter", GetCharter).WithName("GetCharter").WithSummary("Distribution rates, guaranteed floors and policies.");
        api.MapPut("/charter", SetCharter).WithName("SetCharter").WithSummary("Record the founding charter, or amend it under the assembly's passed resolution (?resolution=assembly-id/resolution-id); trade return below 60% is refused.");
        api.MapGet("/shares", GetRegister).WithName("GetShareRegister").WithSummary("Holdings as of a date (default today).");
        api.MapGet("/shares/history", History).WithName("GetShareHistory").WithSummary("Issues, transfers, withdrawals and conversions.");
        api.MapPost("/shares", Issue).WithName("IssueShares").WithSummary("Register a holding with its certificate.");
        api.MapPost("/shares/transfers", Transfer).WithName("TransferShares").WithSummary("Transfer all or part of a holding to another member.");
        api.MapPost("/shares/withdrawals", NoticeWithdrawal).WithName("NoticeWithdrawal")
            .WithSummary("Record a member's written notice to withdraw; it takes effect at a fiscal year end.");
        api.MapGet("/composition", Composition).WithName("GetMembershipComposition").WithSummary("The law's membership composition check.");
        api.MapPost("/trade/{year:int:range(2000,9998)}", RecordTrade).WithName("RecordMemberTrade").WithSummary("Record a delivery by a member (or non-member trade).");
        api.MapGet("/funds", Funds).WithName("GetFiscalFunds")
            .WithSummary("The fiscal funds quantified into the cooperative's shares (资金变股金), with what their shares earned in each distribution on notice or paid.");
        api.MapPut("/funds/{fundId}", RegisterFund).WithName("RegisterFiscalFund")
            .WithSummary("Register or correct a fiscal fund quantified into shares: its source, document number, amount in fen, year and purpose; its shares are the holdings with this fundId. Disclosed on the public boards.");
        api.MapGet("/trade/{year:int:range(2000,9998)}", TradeSummary).WithName("GetMemberTrade").WithSummary("Trade volume per member for a fiscal year.");
        return api;
    }

    public static async Task<Results<Ok<Charter>, NotFound, ForbidHttpResult>> GetCharter([AsParameters] ApiServices s, string id)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return await s.Grains.GetGrain<IShareRegisterGrain>(id).GetCharter() is { } charter ? TypedResults.Ok(charter) : TypedResults.NotFound();
    }

    /// <summary>
    /// The founding charter is registered as it is; a recorded charter changes only under the member assembly's passed
    /// resolution to amend it, named by <paramref name="resolution"/> (<c>{assemblyId}/{resolutionId}</c>), else 409.
    /// </summary>
    public static async Task<Results<Ok<Charter>, ForbidHttpResult>> SetCharter([AsParameters] ApiServices s, string id, Charter charter, string? resolution = null)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var register = s.Grains.GetGrain<IShareRegisterGrain>(id);
        if (resolution is null)
        {
            using var set = s.Audit.Declare(s.User, "charter.set", "cooperative", id);
            return TypedResults.Ok(await register.SetCharter(charter));
        }
        using var amend = s.Audit.Declare(s.User, "charter.amend", "cooperative", id);
        return TypedResults.Ok(await register.AmendCharter(charter, resolution));
    }

    public static async Task<Results<Ok<IReadOnlyList<DisclosedFund>>, ForbidHttpResult>> Funds(
        [AsParameters] ApiServices s, string id, FundDisclosureQueries funds)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await funds.CooperativeFunds(id, 200));
    }

    public static async Task<Results<Ok<RegisteredFund>, NotFound, ForbidHttpResult>> RegisterFund(
        [AsParameters] ApiServices s, string id, string fundId, FiscalFund fund)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        if (!await s.Grains.GetGrain<Grains.Cooperatives.ICooperativeGrain>(id).Exists()) return TypedResults.NotFound();
        var key = new CooperativeFund(id, fundId).ToString();
        using var audit = s.Audit.Declare(s.User, "fund.registered", FiscalFundGrain.AuditResource, key);
        return TypedResults.Ok(await s.Grains.GetGrain<IFiscalFundGrain>(key).Register(fund, s.User.ActorName()));
    }

    public static async Task<Results<Ok<RegisterView>, ForbidHttpResult>> GetRegister([AsParameters] ApiServices s, string id, DateOnly? asOf)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).View(asOf));
    }

    public static async Task<Results<Ok<IReadOnlyList<ShareEvent>>, ForbidHttpResult>> History(
        [AsParameters] ApiServices s, string id, long? after, int? limit)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).History(after ?? 0, Paging.Limit(limit, 100)));
    }

    public static async Task<Results<Ok<RegisterView>, ForbidHttpResult>> Issue([AsParameters] ApiServices s, string id, IssueSharesRequest request)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var holding = request.Holding ?? throw Domain.Errors.ValidationFailedException.For("holding", "is required.");
        using var audit = s.Audit.Declare(s.User, "shares.issue", "cooperative", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).Issue(holding, s.User.ActorName(), request.Reason ?? ""));
    }

    public static async Task<Results<Ok<RegisterView>, ForbidHttpResult>> Transfer([AsParameters] ApiServices s, string id, TransferSharesRequest request)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var transfer = request.Transfer ?? throw Domain.Errors.ValidationFailedException.For("transfer", "is required.");
        using var audit = s.Audit.Declare(s.User, "shares.transfer", "cooperative", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).Transfer(transfer, s.User.ActorName(), request.Reason ?? ""));
    }

    public static async Task<Results<Ok<RegisterView>, ForbidHttpResult>> NoticeWithdrawal(
        [AsParameters] ApiServices s, string id, WithdrawalRequest request)
    {
        // A member gives its own notice; the cooperative's admins may record a notice handed in on paper.
        if (!s.User.AdministersCooperative(id) && !s.User.IsHousehold(request.ShareholderId ?? "")) return TypedResults.Forbid();
        var shareholder = request.ShareholderId ?? throw Domain.Errors.ValidationFailedException.For("shareholderId", "is required.");
        using var audit = s.Audit.Declare(s.User, "shares.notice-withdrawal", "cooperative", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).NoticeWithdrawal(shareholder, s.User.ActorName(), request.Reason ?? ""));
    }

    public static async Task<Results<Ok<CompositionReport>, ForbidHttpResult>> Composition([AsParameters] ApiServices s, string id)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).Composition());
    }

    public static async Task<Results<Ok<TradeSummary>, ForbidHttpResult>> RecordTrade(
        [AsParameters] ApiServices s, string id, int year, TradeRecord record)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "trade.record", "cooperative", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(id, year).ToString())
            .Record(record with { Source = TradeSource.Manual }));
    }

    public static async Task<Results<Ok<TradeSummary>, ForbidHttpResult>> TradeSummary([AsParameters] ApiServices s, string id, int year)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(id, year).ToString()).Summary());
    }
}
