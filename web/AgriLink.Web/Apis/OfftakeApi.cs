using AgriLink.Domain.Errors;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Offtake;
using AgriLink.Grains.Offtake;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Apis;

/// <summary>
/// Offtake contracts (订单农业). The enterprise's admins propose and complete; the cooperative's admins accept or
/// decline; either party records deliveries (the delivery note's reference makes a repeat harmless) or terminates.
/// Only the two parties and platform operators see a contract; to anyone else an unknown id and a foreign contract
/// look the same (403).
/// </summary>
public static class OfftakeApi
{
    public static RouteGroupBuilder MapOfftakeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enterprises/{enterpriseId}/offtake-contracts", Propose).WithTags("Offtake").WithName("ProposeOfftakeContract")
            .WithSummary("Propose an offtake contract to a cooperative (the enterprise's admins).").RequireAuthorization();
        app.MapGet("/api/enterprises/{enterpriseId}/offtake-contracts", ListForEnterprise).WithTags("Offtake")
            .WithName("ListEnterpriseOfftakeContracts").WithSummary("The enterprise's offtake contracts (its admins).").RequireAuthorization();
        app.MapGet("/api/cooperatives/{cooperativeId}/offtake-contracts", ListForCooperative).WithTags("Offtake")
            .WithName("ListCooperativeOfftakeContracts").WithSummary("The cooperative's offtake contracts (its admins).").RequireAuthorization();

        var api = app.MapGroup("/api/offtake-contracts").WithTags("Offtake").RequireAuthorization();
        api.MapGet("/{id}", Get).WithName("GetOfftakeContract").WithSummary("The contract with its settlement as of today (either party).");
        api.MapPost("/{id}/accept", Accept).WithName("AcceptOfftakeContract").WithSummary("Proposed → active (the cooperative's admins).");
        api.MapPost("/{id}/decline", Decline).WithName("DeclineOfftakeContract").WithSummary("Proposed → declined (the cooperative's admins).");
        api.MapPost("/{id}/deliveries", RecordDelivery).WithName("RecordOfftakeDelivery")
            .WithSummary("Record a delivery in the window (either party; idempotent by reference).");
        api.MapPost("/{id}/complete", Complete).WithName("CompleteOfftakeContract")
            .WithSummary("Active → completed, once the window closed or the quantity is delivered (the enterprise's admins).");
        api.MapPost("/{id}/terminate", Terminate).WithName("TerminateOfftakeContract").WithSummary("End early with a reason (either party).");
        return api;
    }

    public static async Task<Results<Created<OfftakeContractView>, ForbidHttpResult>> Propose(
        [AsParameters] ApiServices s, string enterpriseId, ProposeOfftakeRequest request)
    {
        if (!s.User.AdministersEnterprise(enterpriseId)) return TypedResults.Forbid();
        var id = Ids.New(Ids.OfftakeContract);
        using var audit = s.Audit.Declare(s.User, "offtake.propose", Resource, id);
        var created = await s.Grains.GetGrain<IOfftakeContractGrain>(id)
            .Propose(new OfftakeProposal(enterpriseId, request.CooperativeId?.Trim() ?? "", request.Terms), s.User.ActorName());
        return TypedResults.Created($"/api/offtake-contracts/{id}", created);
    }

    public static async Task<Results<Ok<Page<OfftakeSummary>>, ForbidHttpResult>> ListForEnterprise(
        [AsParameters] ApiServices s, [FromServices] OfftakeQueries contracts, string enterpriseId, OfftakeStatus? status, int? offset, int? limit,
        string? after = null)
    {
        if (!s.User.AdministersEnterprise(enterpriseId)) return TypedResults.Forbid();
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await contracts.OfEnterprise(enterpriseId, status, page), page));
    }

    public static async Task<Results<Ok<Page<OfftakeSummary>>, ForbidHttpResult>> ListForCooperative(
        [AsParameters] ApiServices s, [FromServices] OfftakeQueries contracts, string cooperativeId, OfftakeStatus? status, int? offset, int? limit,
        string? after = null)
    {
        if (!s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await contracts.OfCooperative(cooperativeId, status, page), page));
    }

    public static async Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id) =>
        await Load(s, id, Party.Either) is { } view ? TypedResults.Ok(view) : TypedResults.Forbid();

    public static Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Accept([AsParameters] ApiServices s, string id) =>
        Change(s, id, Party.Cooperative, "offtake.accept", (g, actor) => g.Accept(actor));

    public static Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Decline([AsParameters] ApiServices s, string id, OfftakeReasonRequest? request) =>
        Change(s, id, Party.Cooperative, "offtake.decline", (g, actor) => g.Decline(actor, request?.Reason));

    public static Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Complete([AsParameters] ApiServices s, string id) =>
        Change(s, id, Party.Enterprise, "offtake.complete", (g, actor) => g.Complete(actor));

    public static Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Terminate([AsParameters] ApiServices s, string id, OfftakeReasonRequest request) =>
        Change(s, id, Party.Either, "offtake.terminate", (g, actor) => g.Terminate(actor, request.Reason ?? ""));

    public static async Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> RecordDelivery(
        [AsParameters] ApiServices s, string id, OfftakeDelivery delivery)
    {
        if (await Load(s, id, Party.Either) is null) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "offtake.deliver", Resource, id);
        return TypedResults.Ok(await s.Grains.GetGrain<IOfftakeContractGrain>(id).RecordDelivery(delivery, s.User.ActorName()));
    }

    /// <summary>What the audit log calls a contract (the grain writes the entry with the change).</summary>
    private const string Resource = "offtake-contract";

    private enum Party { Enterprise, Cooperative, Either }

    /// <summary>The contract if the caller may act as <paramref name="party"/> on it; null (→ 403) otherwise, including for unknown ids.</summary>
    private static async Task<OfftakeContractView?> Load(ApiServices s, string id, Party party)
    {
        var operatorCalling = s.User.IsPlatformAdmin();
        // Accounts that can be no party to any contract are refused before anything is loaded.
        if (!operatorCalling && !s.User.IsInRole(Roles.EnterpriseAdmin) && !s.User.IsInRole(Roles.CooperativeAdmin)) return null;
        OfftakeContractView view;
        try
        {
            view = await s.Grains.GetGrain<IOfftakeContractGrain>(id).Get();
        }
        catch (NotFoundException) when (!operatorCalling)
        {
            return null;
        }
        var enterprise = s.User.AdministersEnterprise(view.EnterpriseId);
        var cooperative = s.User.AdministersCooperative(view.CooperativeId);
        var allowed = party switch
        {
            Party.Enterprise => enterprise,
            Party.Cooperative => cooperative,
            _ => enterprise || cooperative,
        };
        return allowed ? view : null;
    }

    private static async Task<Results<Ok<OfftakeContractView>, ForbidHttpResult>> Change(
        ApiServices s, string id, Party party, string action, Func<IOfftakeContractGrain, string, Task<OfftakeContractView>> command)
    {
        if (await Load(s, id, party) is null) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, Resource, id);
        return TypedResults.Ok(await command(s.Grains.GetGrain<IOfftakeContractGrain>(id), s.User.ActorName()));
    }
}
