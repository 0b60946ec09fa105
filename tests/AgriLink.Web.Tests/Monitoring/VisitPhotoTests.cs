using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Photos;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// A visit's photo (走访照片): attached by the cadre who logged the visit through the photo pipeline (validated, processed,
/// audited), kept out of the public photo route, and served only to whom may read the visit.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class VisitPhotoTests(SeededApp app)
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    private async Task<(string Visit, HttpClient Cadre)> Visit(string? cadreName = null)
    {
        var household = await AreaStaff.Household(app, AreaStaff.Shepeng, headName: "照片户主");
        var cadre = await TestAccounts.SignInAsync(app, cadreName ?? await AreaStaff.UserName(app, Roles.VillageCadre, AreaStaff.Shepeng));
        using var logged = await cadre.SendJson(HttpMethod.Post, "/api/monitoring/visits",
            new JsonObject { ["householdId"] = household, ["visitedOn"] = Today, ["note"] = "屋顶漏雨", ["foundRisk"] = false });
        return ((string)(await logged.AssertOk(HttpStatusCode.Created))["id"]!, cadre);
    }

    [Fact]
    public async Task TheVisitsCadreAttachesAPhotoThatOnlyTheAreaSees()
    {
        var (visit, cadre) = await Visit();

        using (var attached = await cadre.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", TestImages.Picture(1200, 900)))
            await attached.AssertOk();

        var read = await cadre.GetObject($"/api/monitoring/visits/{visit}");
        var photo = (string)read["photo"]!["id"]!;
        using (var file = await cadre.Get($"/api/monitoring/visits/{visit}/photo/800.webp"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/webp", file.Content.Headers.ContentType?.MediaType);
            Assert.Contains("private", file.Headers.CacheControl?.ToString());
        }
        using (var township = await (await app.As("township.pugu")).Get($"/api/monitoring/visits/{visit}/photo/800.jpg"))
            Assert.Equal(HttpStatusCode.OK, township.StatusCode);
        // Not on the public route, whoever knows the id; not to the next village's cadre, nor anonymously.
        using (var open = await app.Anonymous().Get($"/media/photos/{photo}/800.jpg"))
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        var neighbour = await AreaStaff.Account(app, Roles.VillageCadre, AreaStaff.Niangniangshan);
        using (var foreign = await neighbour.Get($"/api/monitoring/visits/{visit}/photo/800.jpg"))
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using (var foreignVisit = await neighbour.Get($"/api/monitoring/visits/{visit}"))
            Assert.Equal(HttpStatusCode.Forbidden, foreignVisit.StatusCode);
        using (var anonymous = await app.Anonymous().Get($"/api/monitoring/visits/{visit}/photo/800.jpg"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var entries = await (await app.As("operator")).GetArray($"/api/audit?resourceType=monitoring-visit&resourceId={visit}");
        Assert.Contains(entries, e => (string?)e!["action"] == "monitoring-visit.photo");
    }

    [Fact]
    public async Task OnlyTheVisitsCadreAttachesAndOnlyAnImage()
    {
        var (visit, cadre) = await Visit();
        var colleague = await AreaStaff.Account(app, Roles.VillageCadre, AreaStaff.Shepeng);   // same village, not the visit's cadre
        using (var other = await colleague.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", TestImages.Picture(400, 300)))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var text = await cadre.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", Encoding.UTF8.GetBytes("not a photo at all"), "note.jpg"))
            await text.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Null((await cadre.GetObject($"/api/monitoring/visits/{visit}"))["photo"]);
        using (var none = await cadre.Get($"/api/monitoring/visits/{visit}/photo/800.jpg"))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task ANewPhotoReplacesTheOneBeforeAndItsFilesGo()
    {
        var (visit, cadre) = await Visit();
        using (var first = await cadre.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", TestImages.Picture(640, 480, seed: 3)))
            await first.AssertOk();
        var before = (string)(await cadre.GetObject($"/api/monitoring/visits/{visit}"))["photo"]!["id"]!;
        using (var second = await cadre.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", TestImages.Picture(640, 480, seed: 4)))
            await second.AssertOk();

        var after = (string)(await cadre.GetObject($"/api/monitoring/visits/{visit}"))["photo"]!["id"]!;
        Assert.NotEqual(before, after);
        var objects = Path.Combine(app.Factory.DataFolder, "objects", "visits");
        Assert.False(Directory.Exists(Path.Combine(objects, before)) && Directory.GetFiles(Path.Combine(objects, before)).Length > 0, "the replaced photo's files are deleted");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(objects, after)));
    }

    [Fact]
    public async Task TheVisitPageShowsThePhotoThroughItselfToTheAreaOnly()
    {
        var name = await AreaStaff.UserName(app, Roles.VillageCadre, AreaStaff.Shepeng);
        var (visit, cadre) = await Visit(name);
        using (var attached = await cadre.Upload(HttpMethod.Post, $"/api/monitoring/visits/{visit}/photo", TestImages.Picture(900, 600, seed: 7)))
            await attached.AssertOk();

        var page = await app.Factory.SignedIn(name);
        var html = await page.GetStringAsync($"/monitoring/visits/{visit}", Api.Ct);
        Assert.Contains("id=\"visit-photo\"", html);
        Assert.Contains("id=\"photo-upload\"", html);                          // its cadre may replace it
        var src = System.Text.RegularExpressions.Regex.Match(html, "<img src=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&");
        Assert.StartsWith($"/monitoring/visits/{visit}?handler=Photo", src);
        using (var file = await page.GetAsync(src, Api.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        }
        var neighbour = await app.Factory.SignedIn(await AreaStaff.UserName(app, Roles.VillageCadre, AreaStaff.Niangniangshan));
        using (var foreign = await neighbour.GetAsync(src, Api.Ct))
            Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        using (var foreignPage = await neighbour.GetAsync($"/monitoring/visits/{visit}", Api.Ct))
            Assert.Equal(HttpStatusCode.Forbidden, foreignPage.StatusCode);
        var township = await app.Factory.SignedIn("township.pugu");
        var seen = await township.GetStringAsync($"/monitoring/visits/{visit}", Api.Ct);
        Assert.Contains("id=\"visit-photo\"", seen);
        Assert.DoesNotContain("id=\"photo-upload\"", seen);                    // only the visit's cadre attaches
    }
}
