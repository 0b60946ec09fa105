using AgriLink.Domain.Errors;
using AgriLink.Domain.Photos;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using AgriLink.Web.Auth;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AgriLink.Web.Apis;

/// <summary>
/// A listing's photos (at most 9, the first the cover) and a cooperative's profile photo: changed by that cooperative's
/// admins only, uploaded as <c>multipart/form-data</c> with the file in the field <c>file</c>. The files themselves are
/// served under <c>/media/photos/{photoId}/{width}.{webp|jpg}</c> as immutable.
/// </summary>
public static class PhotosApi
{
    public const string CacheForever = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        var listing = app.MapGroup("/api/listings/{id}/photos").WithTags("Photos").RequireAuthorization();
        listing.MapPost("/", AddToListing).WithName("AddListingPhoto").DisableAntiforgery()
            .WithSummary("Upload a photo (JPEG, PNG or WebP, at most 10 MB; the field 'file'); it goes last, or first as the listing's first.");
        listing.MapDelete("/{photoId}", RemoveFromListing).WithName("RemoveListingPhoto").WithSummary("Delete a photo and its files.");
        listing.MapPost("/{photoId}/cover", Cover).WithName("CoverListingPhoto").WithSummary("Make a photo the cover (first).");
        listing.MapPut("/order", Arrange).WithName("ArrangeListingPhotos").WithSummary("Put the photos in a new order (every id once).");

        var cooperative = app.MapGroup("/api/cooperatives/{id}/photo").WithTags("Photos").RequireAuthorization();
        cooperative.MapPut("/", SetCooperativePhoto).WithName("SetCooperativePhoto").DisableAntiforgery()
            .WithSummary("Upload the cooperative's profile photo (replaces the one before).");
        cooperative.MapDelete("/", RemoveCooperativePhoto).WithName("RemoveCooperativePhoto").WithSummary("Remove the profile photo.");

        app.MapGet("/media/photos/{photoId}/{file}", Serve).WithTags("Photos").WithName("PhotoFile")
            .WithSummary("A photo file: {width}.webp or {width}.jpg, or {width} alone for the format the Accept header prefers.");
        return app;
    }

    public static async Task<Results<Created<ListingDetails>, ForbidHttpResult>> AddToListing(
        [AsParameters] ApiServices s, PhotoLibrary photos, HttpRequest request, string id, CancellationToken ct)
    {
        var grain = s.Grains.GetGrain<IListingGrain>(id);
        var listing = await grain.Get();
        if (!s.User.AdministersCooperative(listing.CooperativeId)) return TypedResults.Forbid();
        // Refused before the upload is read or anything stored; the grain decides again with the commit.
        if (listing.Status == Domain.Listings.ListingStatus.Archived)
            throw new RuleViolationException("listing.archived", "An archived listing's photos cannot be changed.");
        if ((listing.Photos?.Count ?? 0) >= PhotoAlbum.MaxPhotos)
            throw new RuleViolationException("photo.too-many", $"A listing has at most {PhotoAlbum.MaxPhotos} photos; delete one first.");
        var processed = await photos.Processor.ProcessAsync(await ReadUpload(request, photos.Processor, ct), $"listing:{id}", ct);
        if (listing.Photos?.Any(p => p.Id == processed.Photo.Id) == true)
            throw new RuleViolationException("photo.duplicate", "The listing already has this photo.");

        using var audit = s.Audit.Declare(s.User, "listing.photo-add", "listing", id);
        var changed = await photos.StoreThenCommitAsync(processed, () => grain.AddPhoto(processed.Photo),
            async () => (await grain.Get()).Photos?.Any(p => p.Id == processed.Photo.Id) == true, ct);
        return TypedResults.Created($"/api/listings/{id}", changed);
    }

    public static async Task<Results<Ok<ListingDetails>, ForbidHttpResult>> RemoveFromListing(
        [AsParameters] ApiServices s, PhotoLibrary photos, string id, string photoId)
    {
        var grain = s.Grains.GetGrain<IListingGrain>(id);
        var listing = await grain.Get();
        if (!s.User.AdministersCooperative(listing.CooperativeId)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "listing.photo-remove", "listing", id);
        var changed = await grain.RemovePhoto(photoId);
        if (listing.Photos?.FirstOrDefault(p => p.Id == photoId) is { } removed) await photos.DeleteAsync(removed);
        return TypedResults.Ok(changed);
    }

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Cover([AsParameters] ApiServices s, string id, string photoId) =>
        Change(s, id, "listing.photo-cover", g => g.SetCoverPhoto(photoId));

    public static Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Arrange([AsParameters] ApiServices s, string id, ArrangePhotosRequest request) =>
        Change(s, id, "listing.photo-order", g => g.ArrangePhotos(request.Order ?? []));

    private static async Task<Results<Ok<ListingDetails>, ForbidHttpResult>> Change(
        ApiServices s, string id, string action, Func<IListingGrain, Task<ListingDetails>> command)
    {
        var grain = s.Grains.GetGrain<IListingGrain>(id);
        if (!s.User.AdministersCooperative((await grain.Get()).CooperativeId)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, "listing", id);
        return TypedResults.Ok(await command(grain));
    }

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> SetCooperativePhoto(
        [AsParameters] ApiServices s, PhotoLibrary photos, HttpRequest request, string id, CancellationToken ct)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var grain = s.Grains.GetGrain<ICooperativeGrain>(id);
        var before = (await grain.Get()).Photo;
        var processed = await photos.Processor.ProcessAsync(await ReadUpload(request, photos.Processor, ct), $"cooperative:{id}", ct);
        if (before?.Id == processed.Photo.Id) return TypedResults.Ok(await grain.Get());

        using var audit = s.Audit.Declare(s.User, "cooperative.photo-set", "cooperative", id);
        var changed = await photos.StoreThenCommitAsync(processed, () => grain.SetPhoto(processed.Photo),
            async () => (await grain.Get()).Photo?.Id == processed.Photo.Id, ct);
        if (before is not null) await photos.DeleteAsync(before);
        return TypedResults.Ok(changed);
    }

    public static async Task<Results<Ok<CooperativeDetails>, ForbidHttpResult>> RemoveCooperativePhoto(
        [AsParameters] ApiServices s, PhotoLibrary photos, string id)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var grain = s.Grains.GetGrain<ICooperativeGrain>(id);
        var before = (await grain.Get()).Photo ?? throw new NotFoundException("photo", id);
        using var audit = s.Audit.Declare(s.User, "cooperative.photo-remove", "cooperative", id);
        var changed = await grain.SetPhoto(null);
        await photos.DeleteAsync(before);
        return TypedResults.Ok(changed);
    }

    /// <summary>
    /// The upload's bytes, read whole (at most the limit): the request may carry a little more than the file (the multipart
    /// framing), anything beyond is a 413 problem before it is buffered.
    /// </summary>
    internal static async Task<byte[]> ReadUpload(HttpRequest request, PhotoProcessor processor, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = processor.MaxRequestBytes;
        if (!request.HasFormContentType)
            throw ValidationFailedException.For("file", "must be sent as multipart/form-data in the field 'file'.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw ValidationFailedException.For("file", "is required.");
        return await ReadFile(file, processor, ct);
    }

    internal static async Task<byte[]> ReadFile(IFormFile file, PhotoProcessor processor, CancellationToken ct)
    {
        processor.Check(file.Length);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public static Task<IResult> Serve(IObjectStore store, HttpContext http, string photoId, string file, CancellationToken ct) =>
        ServeFile(store, http, photoId, file, PhotoFormats.Public, CacheForever, ct);

    /// <summary>
    /// One file of a photo under <paramref name="root"/>: <c>{width}.webp</c>, <c>{width}.jpg</c>, or <c>{width}</c> for the
    /// format the Accept header prefers; the caller has checked who may see it and says how it may be cached.
    /// </summary>
    internal static async Task<IResult> ServeFile(IObjectStore store, HttpContext http, string photoId, string file, string root, string cacheControl,
        CancellationToken ct)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var widthText = dot < 0 ? file : file[..dot];
        var extension = dot < 0 ? null : file[(dot + 1)..];
        if (!Photo.IsWellFormedId(photoId) || !int.TryParse(widthText, System.Globalization.NumberStyles.None, null, out var width)
            || extension is not (null or "webp" or "jpg"))
            return TypedResults.Problem(statusCode: 404, title: "Not found.", type: "urn:agrilink:problem:photo.not-found", detail: "No such photo file.");

        // Without an extension the browser's Accept chooses: WebP where it says it takes WebP, else JPEG.
        var type = extension switch
        {
            "webp" => PhotoFormats.WebP,
            "jpg" => PhotoFormats.Jpeg,
            _ => http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(PhotoFormats.WebP, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0)
                ? PhotoFormats.WebP : PhotoFormats.Jpeg,
        };
        if (extension is null) http.Response.Headers.Vary = "Accept";
        var tag = new EntityTagHeaderValue($"\"{photoId}-{width}-{(type == PhotoFormats.WebP ? "webp" : "jpg")}\"");
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.ETag = tag.ToString();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var stored = await store.GetAsync(PhotoFormats.Key(photoId, width, type, root), ct);
        if (stored is null)
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Problem(statusCode: 404, title: "Not found.", type: "urn:agrilink:problem:photo.not-found", detail: "No such photo file.");
        }
        http.Response.RegisterForDisposeAsync(stored);
        http.Response.ContentLength = stored.Length;
        return TypedResults.Stream(stored.Content, type);
    }
}

public sealed record ArrangePhotosRequest(IReadOnlyList<string>? Order);
