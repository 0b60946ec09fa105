using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Common;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Households;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

public static class CooperativesApi
{
    public static RouteGroupBuilder MapCooperativesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives").WithTags("Cooperatives");
        api.MapGet("/", List).WithName("ListCooperatives").WithSummary("Cooperatives on the platform (public profiles).");
        api.MapGet("/{id}", Get).WithName("GetCooperative")
            .WithSummary("A cooperative: the full record with members for its admins, the public profile for everyone else.");
        api.MapPost("/", Register).WithName("RegisterCooperative").WithSummary("Register a cooperative (platform operators).")
            .RequireAuthorization(Roles.PlatformAdmin);
        api.MapPut("/{id}/profile", UpdateProfile).WithName("UpdateCooperativeProfile").WithSummary("Edit the cooperative's profile.")
            .RequireAuthorization();
        api.MapPost("/{id}/members", AddMember).WithName("AddCooperativeMember")
            .WithSummary("Admit a member. A household is only invited (202, pending its consent) unless a platform operator admits it; " +
                         "the answer is the same whether or not the household exists or lives in the cooperative's county.")
            .RequireAuthorization();
        api.MapDelete("/{id}/members/{memberId}", RemoveMember).WithName("RemoveCooperativeMember").WithSummary("Remove a member.")
            .RequireAuthorization();
        api.MapPut("/{id}/offices", RecordOffices).WithName("RecordCooperativeOffices")
            .WithSummary("Record who holds which office (Chair, Director, Supervisor, None): the founding officers once, every later change " +
                         "with the assembly's passed election resolution ('assembly-id/resolution-id').")
            .RequireAuthorization();
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? county, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        return TypedResults.Ok(Paging.From(await s.Lists.Cooperatives(county, page), page));
    }

    public static async Task<Results<Ok<CooperativeDetails>, Ok<CooperativePublicProfile>>> Get([AsParameters] ApiServices s, string id)
    {
        var coop = await s.Grains.GetGrain<ICooperativeGrain>(id).Get();
        if (s.User.AdministersCooperative(id)) return TypedResults.Ok(coop);
        return TypedResults.Ok(CooperativePublicProfile.From(coop));
    }

    public static async Task<Created<CooperativeDetails>> Register([AsParameters] ApiServices s, CooperativeProfile profile)
    {
        var id = Domain.Identifiers.Ids.New("coop");
        using var audit = s.Audit.Declare(s.User, "cooperative.register", "cooperative", id);
        var created = await s.Grains.GetGrain<ICooperativeGrain>(id).Register(profile);
        return TypedResults.Created($"/api/cooperatives/{id}", created);
    }

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> UpdateProfile(
        [AsParameters] ApiServices s, string id, CooperativeProfile profile) =>
        await Change(s, id, "cooperative.update-profile", g => g.UpdateProfile(profile));

    /// <summary>
    /// Admits a member. A household joins by its own consent: a cooperative admin's request records an invitation the
    /// household accepts or declines from its page (202); only a platform operator admits a household directly, and only
    /// one of the cooperative's county. The 202 is the same for an unknown household and one of another county, so the
    /// answer never tells whether a household exists.
    /// </summary>
    public static async Task<Results<Ok<CooperativeDetails>, Accepted<MembershipInvitationSent>, ForbidHttpResult>> AddMember(
        [AsParameters] ApiServices s, string id, CooperativeMember member, TimeProvider clock)
    {
        if (member.Kind != MemberKind.Household)
            return (await Change(s, id, "cooperative.add-member", g => g.AddMember(member))).Result switch
            {
                Ok<CooperativeDetails> ok => ok,
                _ => TypedResults.Forbid(),
            };

        var grain = s.Grains.GetGrain<ICooperativeGrain>(id);
        var coop = await grain.Get(); // an unknown cooperative is a 404, before access is looked at
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        member.Validate(clock.Today());
        var householdId = member.MemberId.Trim();
        if (coop.Members.Any(m => m.MemberId == householdId))
            throw new Domain.Errors.RuleViolationException("cooperative.member-exists", $"'{householdId}' is already a member.");
        var household = s.Grains.GetGrain<IHouseholdGrain>(householdId);

        if (s.User.IsPlatformAdmin())
        {
            // The operator's act: admitted directly, the county checked.
            if (await household.Exists() && (await household.Get()).Profile.CountyCode != coop.Profile.CountyCode)
                throw Domain.Errors.ValidationFailedException.For("memberId", "The household lives in another county than the cooperative.");
            using var admitted = s.Audit.Declare(s.User, "cooperative.add-member", "cooperative", id);
            return TypedResults.Ok(await grain.AddMember(member));
        }

        using (s.Audit.Declare(s.User, "cooperative.invite-member", "household", householdId))
            await household.Invite(new MembershipInvitation(id, coop.Profile.Name, member.DisplayName?.Trim() ?? "", member.IsFarmer,
                member.IsOfficer, s.User.ActorName(), clock.Now()), coop.Profile.CountyCode);
        return TypedResults.Accepted((string?)null, new MembershipInvitationSent(id, householdId, "Pending"));
    }

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> RemoveMember(
        [AsParameters] ApiServices s, string id, string memberId) =>
        await Change(s, id, "cooperative.remove-member", g => g.RemoveMember(memberId));

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> RecordOffices(
        [AsParameters] ApiServices s, string id, RecordOfficesRequest request) =>
        await Change(s, id, "cooperative.record-offices", g => g.RecordOffices(request.Changes ?? [], request.Resolution));

    private static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> Change(
        ApiServices s, string id, string action, Func<ICooperativeGrain, Task<CooperativeDetails>> command)
    {
        var grain = s.Grains.GetGrain<ICooperativeGrain>(id);
        await grain.Get(); // an unknown cooperative is a 404, before access is looked at
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, "cooperative", id);
        return TypedResults.Ok(await command(grain));
    }
}
