using System.Security.Claims;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Households;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Households;
using AgriLink.Grains.Shares;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Households are personal data: a household reads itself, a cooperative admin reads what it needs of its members (name,
/// village, masked phone: <see cref="MemberHousehold"/>), a platform operator reads all. Poverty status is the government
/// register's, so operators only; a household's profile is edited by operators only. A household joins a cooperative by
/// accepting its invitation here (or by an operator's act). Refusals come before any grain is read, so the answer for an id
/// the caller may not see is the same whether or not it exists.
/// </summary>
public static class HouseholdsApi
{
    public static RouteGroupBuilder MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/households").WithTags("Households").RequireAuthorization();
        api.MapGet("/", List).WithName("ListHouseholds").WithSummary("The households the caller may see.");
        api.MapGet("/{id}", Get).WithName("GetHousehold").WithSummary("A household with its poverty-status history.");
        api.MapPost("/", Register).WithName("RegisterHousehold")
            .WithSummary("Register a farm household (platform operators and cooperative admins).");
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateHouseholdProfile").WithSummary("Edit a household's profile (platform operators).");
        api.MapPost("/{id}/invitations/{cooperativeId}/accept", AcceptInvitation).WithName("AcceptMembershipInvitation")
            .WithSummary("The household accepts a cooperative's invitation and joins it.");
        api.MapPost("/{id}/invitations/{cooperativeId}/decline", DeclineInvitation).WithName("DeclineMembershipInvitation")
            .WithSummary("The household declines a cooperative's invitation.");
        api.MapPost("/{id}/poverty-status", ChangePovertyStatus).WithName("ChangeHouseholdPovertyStatus")
            .WithSummary("Record a change of poverty status (platform operators).").RequireAuthorization(Roles.PlatformAdmin);
        api.MapPost("/{id}/preferred-shares/release", ReleasePreferred).WithName("ReleasePreferredShares")
            .WithSummary("Convert or reassign an exited household's remaining preferred shares (operators; repeats the step that follows an exit).")
            .RequireAuthorization(Roles.PlatformAdmin);
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? county, int? offset, int? limit, string? after = null, PovertyStatus? povertyStatus = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        if (s.User.IsPlatformAdmin())
            return TypedResults.Ok(Paging.From(await s.Lists.Households(county, povertyStatus?.ToString(), null, page), page));
        var own = s.User.FindFirstValue(AgriLinkClaims.Household) is { } claimed && s.User.IsHousehold(claimed) ? claimed : null;
        // A cooperative neither filters nor reads its members by poverty status: that is the register's (operators').
        var scope = new HouseholdScope(s.User.AdministeredCooperatives(), own);
        var found = Paging.From(await s.Lists.Households(county, own is not null ? povertyStatus?.ToString() : null, scope, page), page);
        return TypedResults.Ok(found with { Items = found.Items.Select(e => e.Id == own ? e : e with { Status = null }).ToList() });
    }

    public static async Task<Results<Ok<HouseholdDetails>, Ok<MemberHousehold>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id)
    {
        // Access first, so a caller cannot probe which ids exist.
        if (s.User.IsPlatformAdmin() || s.User.IsHousehold(id)) return TypedResults.Ok(await s.Grains.GetGrain<IHouseholdGrain>(id).Get());
        if (!await IsMemberOfAdministeredCooperative(s, id)) return TypedResults.Forbid();
        return TypedResults.Ok(MemberHousehold.From(await s.Grains.GetGrain<IHouseholdGrain>(id).Get()));
    }

    public static async Task<Results<Ok<HouseholdDetails>, ForbidHttpResult>> AcceptInvitation([AsParameters] ApiServices s, string id, string cooperativeId)
    {
        if (!s.User.IsHousehold(id)) return TypedResults.Forbid();
        // Audited with the cooperative's change: its member roll is what the consent changes.
        using var audit = s.Audit.Declare(s.User, "household.accept-invitation", "cooperative", cooperativeId);
        return TypedResults.Ok(await s.Grains.GetGrain<IHouseholdGrain>(id).AcceptInvitation(cooperativeId));
    }

    public static async Task<Results<Ok<HouseholdDetails>, ForbidHttpResult>> DeclineInvitation([AsParameters] ApiServices s, string id, string cooperativeId)
    {
        if (!s.User.IsHousehold(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "household.decline-invitation", "household", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IHouseholdGrain>(id).DeclineInvitation(cooperativeId));
    }

    public static async Task<Results<Created<HouseholdDetails>, ForbidHttpResult>> Register(
        [AsParameters] ApiServices s, RegisterHouseholdRequest request, TimeProvider clock)
    {
        if (!s.User.IsPlatformAdmin() && !s.User.IsInRole(Roles.CooperativeAdmin)) return TypedResults.Forbid();
        var id = Domain.Identifiers.Ids.New("hh");
        var initial = request.PovertyStatus is { } status and not PovertyStatus.NotPoor
            ? new PovertyStatusChange(status, request.StatusSince ?? clock.Today(), "registered with status", s.User.ActorName())
            : null;
        using var audit = s.Audit.Declare(s.User, "household.register", "household", id);
        var created = await s.Grains.GetGrain<IHouseholdGrain>(id).Register(request.Profile ?? Missing(), initial);
        return TypedResults.Created($"/api/households/{id}", created);
    }

    public static async Task<Results<Ok<HouseholdDetails>, ForbidHttpResult>> UpdateProfile(
        [AsParameters] ApiServices s, string id, HouseholdProfile profile)
    {
        // Never a cooperative's admins: membership is not a licence to rewrite the household.
        if (!s.User.IsPlatformAdmin()) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "household.update-profile", "household", id);
        return TypedResults.Ok(await s.Grains.GetGrain<IHouseholdGrain>(id).UpdateProfile(profile));
    }

    /// <summary>
    /// Records the change. An exit from poverty records, in the same write, the household's job of releasing its preferred
    /// shares (谁贫困谁享受: converted or reassigned as each cooperative's charter says), which is then done at once; a failure
    /// leaves it pending (<c>pendingPreferredRelease</c> in the answer) and the household's reminder retries it until done.
    /// </summary>
    public static async Task<Ok<HouseholdDetails>> ChangePovertyStatus(
        [AsParameters] ApiServices s, string id, ChangePovertyStatusRequest request)
    {
        var grain = s.Grains.GetGrain<IHouseholdGrain>(id);
        var change = new PovertyStatusChange(request.Status, request.EffectiveOn, request.Reason ?? "", s.User.ActorName());
        HouseholdDetails after;
        using (s.Audit.Declare(s.User, "household.change-poverty-status", "household", id)) after = await grain.ChangePovertyStatus(change);
        if (after.PendingPreferredRelease is not null) after = await grain.RunPreferredRelease(s.User.ActorName());
        return TypedResults.Ok(after);
    }

    /// <summary>The repair: runs (or records and runs) an exited household's release now.</summary>
    public static async Task<Ok<HouseholdDetails>> ReleasePreferred([AsParameters] ApiServices s, string id)
    {
        var grain = s.Grains.GetGrain<IHouseholdGrain>(id);
        using (s.Audit.Declare(s.User, "household.release-preferred", "household", id))
            return TypedResults.Ok(await grain.RunPreferredRelease(s.User.ActorName()));
    }

    private static async Task<bool> IsMemberOfAdministeredCooperative(ApiServices s, string householdId) =>
        (await MembersOfAdministeredCooperatives(s)).Contains(householdId);

    private static async Task<HashSet<string>> MembersOfAdministeredCooperatives(ApiServices s)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var coopId in s.User.AdministeredCooperatives())
        {
            var coop = await s.Grains.GetGrain<ICooperativeGrain>(coopId).Get();
            ids.UnionWith(coop.Members.Where(m => m.Kind == MemberKind.Household).Select(m => m.MemberId));
        }
        return ids;
    }

    private static HouseholdProfile Missing() =>
        throw Domain.Errors.ValidationFailedException.For("profile", "is required.");
}
