using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using SkiaSharp;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

[Collection(SeededAppCollection.Name)]
public sealed class PhotosApiTests(SeededApp app)
{
    private static List<string> PhotoIds(JsonObject listing) =>
        listing["photos"]!.AsArray().Select(p => (string)p!["id"]!).ToList();

    /// <summary>
    /// Waits for the demo's photos, drawn in the background once the app listens (DemoPhotoSeeding): the last one drawn is
    /// the last demo cooperative's.
    /// </summary>
    private async Task DemoPhotosDrawn()
    {
        var operatorClient = await app.As("operator");
        for (var waited = 0; waited < 600; waited++)
        {
            if ((await operatorClient.GetObject("/api/cooperatives/coop-cjxiang"))["photo"] is not null) return;
            await Task.Delay(100, Api.Ct);
        }
        Assert.Fail("The demo's photos were not drawn within 60 s of the start.");
    }

    private static async Task<JsonObject> Added(HttpResponseMessage response) => await response.AssertOk(HttpStatusCode.Created);

    private async Task<(HttpClient Owner, string Id)> DraftWithPhotos(int photos)
    {
        var owner = await app.As("coop.panzhou");
        var id = await owner.CreateDraft("coop-pzcili", Listings.Draft(title: "带照片的刺梨"));
        for (var i = 0; i < photos; i++)
        {
            using var added = await owner.UploadListingPhoto(id, TestImages.Picture(640, 480, seed: 100 + i));
            await Added(added);
        }
        return (owner, id);
    }

    [Fact]
    public async Task AnUploadedPhotoIsServedInEverySizeAsImmutableWebPAndJpeg()
    {
        var (owner, id) = await DraftWithPhotos(0);

        using var upload = await owner.UploadListingPhoto(id, TestImages.Picture(1200, 900, SKEncodedImageFormat.Png), "刺梨.png");
        var listing = await Added(upload);

        var photo = listing["photos"]!.AsArray().Single()!;
        Assert.Equal((1200, 900), ((int)photo["width"]!, (int)photo["height"]!));
        var anonymous = app.Anonymous();
        foreach (var (file, type) in new[] { ("320.webp", "image/webp"), ("800.jpg", "image/jpeg"), ("1200.webp", "image/webp") })
        {
            using var served = await anonymous.Get($"/media/photos/{photo["id"]}/{file}");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(type, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
            Assert.True((await served.Content.ReadAsByteArrayAsync(Api.Ct)).Length > 100);
        }
        using var missing = await anonymous.Get($"/media/photos/{photo["id"]}/1600.webp");
        await missing.AssertProblem(HttpStatusCode.NotFound);   // never upscaled: 1200 is the largest kept
    }

    [Fact]
    public async Task TheBrowsersAcceptChoosesWebPOrJpeg()
    {
        var (_, id) = await DraftWithPhotos(1);
        var photoId = PhotoIds(await (await app.As("coop.panzhou")).GetObject($"/api/listings/{id}"))[0];
        var anonymous = app.Anonymous();

        using var webp = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/media/photos/{photoId}/320")
            { Headers = { { "Accept", "image/avif,image/webp,image/apng,*/*;q=0.8" } } }, Api.Ct);
        using var jpeg = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/media/photos/{photoId}/320")
            { Headers = { { "Accept", "image/png,image/*;q=0.8" } } }, Api.Ct);

        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", webp.Headers.Vary);
    }

    [Fact]
    public async Task TheCoverIsChosenThePhotosReorderedAndOneDeletedWithItsFiles()
    {
        var (owner, id) = await DraftWithPhotos(3);
        var ids = PhotoIds(await owner.GetObject($"/api/listings/{id}"));

        using var cover = await owner.Post($"/api/listings/{id}/photos/{ids[2]}/cover");
        Assert.Equal([ids[2], ids[0], ids[1]], PhotoIds(await cover.AssertOk()));

        using var order = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}/photos/order", new JsonObject { ["order"] = new JsonArray(ids[1], ids[0], ids[2]) });
        Assert.Equal([ids[1], ids[0], ids[2]], PhotoIds(await order.AssertOk()));

        using var delete = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/listings/{id}/photos/{ids[0]}"), Api.Ct);
        Assert.Equal([ids[1], ids[2]], PhotoIds(await delete.AssertOk()));
        using var gone = await app.Anonymous().Get($"/media/photos/{ids[0]}/320.jpg");
        await gone.AssertProblem(HttpStatusCode.NotFound);
        using var kept = await app.Anonymous().Get($"/media/photos/{ids[1]}/320.jpg");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        var audit = await (await app.As("operator")).GetArray($"/api/audit?resourceType=listing&resourceId={id}");
        Assert.Equal(
            ["listing.photo-remove", "listing.photo-order", "listing.photo-cover", "listing.photo-add", "listing.photo-add", "listing.photo-add", "listing.create"],
            audit.Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task AnOrderThatIsNotEveryPhotoOnceIsRefused()
    {
        var (owner, id) = await DraftWithPhotos(2);
        var ids = PhotoIds(await owner.GetObject($"/api/listings/{id}"));
        var before = await owner.Snapshot($"/api/listings/{id}");

        using var twice = await owner.SendJson(HttpMethod.Put, $"/api/listings/{id}/photos/order", new JsonObject { ["order"] = new JsonArray(ids[0], ids[0]) });
        using var unknown = await owner.Post($"/api/listings/{id}/photos/{new string('a', 32)}/cover");

        await twice.AssertValidationProblem("order");
        await unknown.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task ATenthPhotoAndTheSamePhotoTwiceAreRefused()
    {
        var (owner, id) = await DraftWithPhotos(9);
        var before = await owner.Snapshot($"/api/listings/{id}");

        using var tenth = await owner.UploadListingPhoto(id, TestImages.Picture(640, 480, seed: 999));
        var problem = await tenth.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("urn:agrilink:problem:photo.too-many", (string?)problem["type"]);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));

        var (other, second) = await DraftWithPhotos(1);
        using var again = await other.UploadListingPhoto(second, TestImages.Picture(640, 480, seed: 100));
        Assert.Equal("urn:agrilink:problem:photo.duplicate", (string?)(await again.AssertProblem(HttpStatusCode.Conflict))["type"]);
    }

    public static TheoryData<string, string, string> HostileFiles() => new()
    {
        { "bomb.png", nameof(TestImages.PngDeclaring), "photo.too-many-pixels" },
        { "notes.jpg", "text", "photo.not-an-image" },
        { "cut.webp", "truncated-webp", "photo.truncated" },
        { "huge.jpg", "over-10-mb", "photo.too-large" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task AHostileFileIsRefusedWithAProblemAndNothingIsStored(string name, string kind, string code)
    {
        await DemoPhotosDrawn();
        var (owner, id) = await DraftWithPhotos(0);
        var before = await owner.Snapshot($"/api/listings/{id}");
        var objects = Path.Combine(app.Factory.DataFolder, "objects");
        var filesBefore = Directory.Exists(objects) ? Directory.GetFiles(objects, "*", SearchOption.AllDirectories).Length : 0;
        var file = kind switch
        {
            nameof(TestImages.PngDeclaring) => TestImages.PngDeclaring(19_000, 19_000),
            "text" => "这不是照片\n"u8.ToArray(),
            "truncated-webp" => TestImages.Truncated(TestImages.Picture(800, 600, SKEncodedImageFormat.Webp), 0.6),
            _ => new byte[10 * 1024 * 1024 + 1],
        };

        using var response = await owner.UploadListingPhoto(id, file, name);

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal($"urn:agrilink:problem:{code}", (string?)problem["type"]);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));
        Assert.Equal(filesBefore, Directory.Exists(objects) ? Directory.GetFiles(objects, "*", SearchOption.AllDirectories).Length : 0);
    }

    [Fact]
    public async Task EveryDemoListingGetsADrawnPhotoAfterTheStart()
    {
        await DemoPhotosDrawn();
        var anonymous = app.Anonymous();

        var chicken = await anonymous.GetObject("/api/listings/lst-cjchicken");
        var photo = chicken["photos"]!.AsArray().Single()!;
        using var served = await anonymous.Get($"/media/photos/{photo["id"]}/640.webp");

        Assert.Equal((640, 480), ((int)photo["width"]!, (int)photo["height"]!));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        foreach (var (id, _, _, _) in AgriLink.Web.Seeding.DemoData.Listings.Where(l => l.Publish))
            Assert.Single((await anonymous.GetObject($"/api/listings/{id}"))["photos"]!.AsArray());
    }

    [Fact]
    public async Task OnlyTheCooperativesAdminsChangeItsPhotos()
    {
        var (owner, id) = await DraftWithPhotos(1);
        var photoId = PhotoIds(await owner.GetObject($"/api/listings/{id}"))[0];
        var before = await owner.Snapshot($"/api/listings/{id}");
        var other = await app.As("coop.xiuwen");
        var buyer = await app.As("buyer.canteen");
        var anonymous = app.Anonymous();
        var picture = TestImages.Picture(320, 240, seed: 5);

        using var otherUpload = await other.UploadListingPhoto(id, picture);
        using var buyerUpload = await buyer.UploadListingPhoto(id, picture);
        using var anonymousUpload = await anonymous.UploadListingPhoto(id, picture);
        using var otherDelete = await other.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/listings/{id}/photos/{photoId}"), Api.Ct);
        using var otherCover = await other.Post($"/api/listings/{id}/photos/{photoId}/cover");
        using var otherCoopPhoto = await other.Upload(HttpMethod.Put, "/api/cooperatives/coop-pzcili/photo", picture);
        using var anonymousCoopPhoto = await anonymous.Upload(HttpMethod.Put, "/api/cooperatives/coop-pzcili/photo", picture);

        await otherUpload.AssertProblem(HttpStatusCode.Forbidden);
        await buyerUpload.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousUpload.StatusCode);
        await otherDelete.AssertProblem(HttpStatusCode.Forbidden);
        await otherCover.AssertProblem(HttpStatusCode.Forbidden);
        await otherCoopPhoto.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCoopPhoto.StatusCode);
        Assert.Equal(before, await owner.Snapshot($"/api/listings/{id}"));
    }

    [Fact]
    public async Task AnArchivedListingKeepsItsPhotosAndTakesNoNewOnes()
    {
        var (owner, id) = await DraftWithPhotos(1);
        var photoId = PhotoIds(await owner.GetObject($"/api/listings/{id}"))[0];
        using var archive = await owner.Post($"/api/listings/{id}/archive");
        await archive.AssertOk();

        using var upload = await owner.UploadListingPhoto(id, TestImages.Picture(320, 240, seed: 77));
        using var delete = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/listings/{id}/photos/{photoId}"), Api.Ct);

        Assert.Equal("urn:agrilink:problem:listing.archived", (string?)(await upload.AssertProblem(HttpStatusCode.Conflict))["type"]);
        Assert.Equal("urn:agrilink:problem:listing.archived", (string?)(await delete.AssertProblem(HttpStatusCode.Conflict))["type"]);
        Assert.Equal([photoId], PhotoIds(await owner.GetObject($"/api/listings/{id}")));
        using var served = await app.Anonymous().Get($"/media/photos/{photoId}/320.jpg");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ACooperativeSetsReplacesAndRemovesItsProfilePhoto()
    {
        var operatorClient = await app.As("operator");
        var coop = await operatorClient.RegisterCooperative(name: "盘州市普古乡照片测试农民专业合作社");

        using var first = await operatorClient.Upload(HttpMethod.Put, $"/api/cooperatives/{coop}/photo", TestImages.Picture(900, 600, seed: 1));
        var firstId = (string)(await first.AssertOk())["photo"]!["id"]!;
        using var second = await operatorClient.Upload(HttpMethod.Put, $"/api/cooperatives/{coop}/photo", TestImages.JpegWithGpsExif(600, 300));
        var secondPhoto = (await second.AssertOk())["photo"]!;
        using var oldFile = await app.Anonymous().Get($"/media/photos/{firstId}/320.jpg");
        using var newFile = await app.Anonymous().Get($"/media/photos/{secondPhoto["id"]}/300.jpg");

        await oldFile.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, newFile.StatusCode);
        Assert.Equal((300, 600), ((int)secondPhoto["width"]!, (int)secondPhoto["height"]!));
        Assert.False(TestImages.HasExif(await newFile.Content.ReadAsByteArrayAsync(Api.Ct)));

        using var remove = await operatorClient.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/cooperatives/{coop}/photo"), Api.Ct);
        Assert.Null((await remove.AssertOk())["photo"]);
        var audit = await operatorClient.GetArray($"/api/audit?resourceType=cooperative&resourceId={coop}");
        Assert.Equal(["cooperative.photo-remove", "cooperative.photo-set", "cooperative.photo-set"], audit.Take(3).Select(e => (string?)e!["action"]));
    }
}
