using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Listings;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Published listings of admitted cooperatives are public; drafts, archived listings and those of suspended
/// cooperatives only to their cooperative's admins.
/// </summary>
public static class ListingsApi
{
    public static RouteGroupBuilder MapListingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cooperatives/{cooperativeId}/listings", Create).WithTags("Listings").WithName("CreateListing")
            .WithSummary("Create a draft listing for the cooperative (its admins).").RequireAuthorization();

        var api = app.MapGroup("/api/listings").WithTags("Listings");
        api.MapGet("/", List).WithName("ListListings").WithSummary("Listings, filtered by cooperative, county or status.");
        api.MapGet("/{id}", Get).WithName("GetListing").WithSummary("A listing.");
        api.MapPut("/{id}", Update).WithName("UpdateListing").WithSummary("Edit a listing's fields.").RequireAuthorization();
        api.MapPut("/{id}/stock", SetStock).WithName("SetListingStock").WithSummary("Set the stock on hand.").RequireAuthorization();
        api.MapPost("/{id}/publish", Publish).WithName("PublishListing").WithSummary("Draft or paused → active.").RequireAuthorization();
        api.MapPost("/{id}/pause", Pause).WithName("PauseListing").WithSummary("Active → paused.").RequireAuthorization();
        api.MapPost("/{id}/archive", Archive).WithName("ArchiveListing").WithSummary("Retire the listing for good.").RequireAuthorization();
        return api;
    }

    public static async Task<Ok<Page<DirectoryEntry>>> List(
        [AsParameters] ApiServices s, string? cooperativeId, string? county, ListingStatus? status, int? offset, int? limit, string? after = null)
    {
        var page = PageRequest.Of(offset, limit, after);
        // A suspended (or never admitted) cooperative's listings leave the public market; its admins still see them.
        var administered = s.User.IsPlatformAdmin() ? null : s.User.AdministeredCooperatives().ToList();
        return TypedResults.Ok(Paging.From(await s.Lists.Listings(cooperativeId, county, status?.ToString(), administered, page), page));
    }

    public static async Task<Results<Ok<ListingDetails>, NotFound>> Get([AsParameters] ApiServices s, string id)
    {
        var listing = await s.Grains.GetGrain<IListingGrain>(id).Get();
        // Unpublished listings are invisible rather than forbidden: their existence is the cooperative's business.
        if (s.User.AdministersCooperative(listing.CooperativeId)) return TypedResults.Ok(listing);
        return IsPublic(listing.Status) && await s.Grains.GetGrain<ICooperativeAdmissionGrain>(listing.CooperativeId).MaySell()
            ? TypedResults.Ok(await Public(s, listing))
            : TypedResults.NotFound();
    }

    /// <summary>A listing as the public sees it: its producing households by masked name (李*福, as a public notice shows them), never their ids.</summary>
    private static async Task<ListingDetails> Public(ApiServices s, ListingDetails listing)
    {
        if (listing.Draft.ProducerIds is not { Count: > 0 } ids) return listing;
        var names = (await s.Grains.GetGrain<ICooperativeGrain>(listing.CooperativeId).Get()).Members
            .ToDictionary(m => m.MemberId, m => m.DisplayName, StringComparer.Ordinal);
        return listing with
        {
            Draft = listing.Draft with { ProducerIds = [] },
            Producers = ids.Select(id => Domain.Disclosure.NameMask.Mask(names.GetValueOrDefault(id))).ToList(),
        };
    }

    public static async Task<Results<Created<ListingDetails>, ForbidHttpResult>> Create(
        [AsParameters] ApiServices s, string cooperativeId, ListingDraft listing)
    {
        if (!s.User.AdministersCooperative(cooperativeId)) return TypedResults.Forbid();
        var id = Domain.Identifiers.Ids.New("lst");
        using var audit = s.Audit.Declare(s.User, "listing.create", "listing", id);
        var created = await s.Grains.GetGrain<IListingGrain>(id).Create(cooperativeId, listing);
        return TypedResults.Created($"/api/listings/{id}", created);
    }

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Update([AsParameters] ApiServices s, string id, ListingDraft listing) =>
        Change(s, id, "listing.update", g => g.Update(listing));

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> SetStock([AsParameters] ApiServices s, string id, SetStockRequest request) =>
        Change(s, id, "listing.set-stock", g => g.SetStock(request.Stock));

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Publish([AsParameters] ApiServices s, string id) =>
        Change(s, id, "listing.publish", g => g.Publish());

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Pause([AsParameters] ApiServices s, string id) =>
        Change(s, id, "listing.pause", g => g.Pause());

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Archive([AsParameters] ApiServices s, string id) =>
        Change(s, id, "listing.archive", g => g.Archive());

    private static bool IsPublic(ListingStatus status) => status is not (ListingStatus.Draft or ListingStatus.Archived);

    private static async Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Change(
        ApiServices s, string id, string action, Func<IListingGrain, Task<ListingDetails>> command)
    {
        var grain = s.Grains.GetGrain<IListingGrain>(id);
        var before = await grain.Get();
        if (!s.User.AdministersCooperative(before.CooperativeId)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, "listing", id);
        return TypedResults.Ok(await command(grain));
    }
}
