using System.Net;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>
/// Who reads which 防返贫监测 dashboard: the officers and cadres of an area and the region officers above it (市、省), each
/// within their own areas; operators any area they name; nobody else.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DashboardApiTests(SeededApp app)
{
    [Theory]
    [InlineData("county.panzhou", "520281", HttpStatusCode.OK)]
    [InlineData("county.panzhou", "520281211", HttpStatusCode.OK)]
    [InlineData("county.panzhou", "520123", HttpStatusCode.Forbidden)]
    [InlineData("county.panzhou", "52", HttpStatusCode.Forbidden)]
    [InlineData("township.pugu", "520281211", HttpStatusCode.OK)]
    [InlineData("township.pugu", "520281", HttpStatusCode.Forbidden)]
    [InlineData("cadre.shepeng", "520281211201", HttpStatusCode.OK)]
    [InlineData("cadre.shepeng", "520281211202", HttpStatusCode.Forbidden)]
    [InlineData("province.guizhou", "52", HttpStatusCode.OK)]
    [InlineData("province.guizhou", "520123", HttpStatusCode.OK)]
    [InlineData("province.guizhou", "53", HttpStatusCode.Forbidden)]
    [InlineData("prefecture.liupanshui", "520281", HttpStatusCode.OK)]
    [InlineData("prefecture.liupanshui", "520123", HttpStatusCode.Forbidden)]
    [InlineData("operator", "53", HttpStatusCode.OK)]
    [InlineData("farmer.pz01", "520281", HttpStatusCode.Forbidden)]
    [InlineData("coop.panzhou", "520281", HttpStatusCode.Forbidden)]
    [InlineData("county.panzhou", "5202811", HttpStatusCode.BadRequest)]
    public async Task EachReadsTheDashboardsOfItsOwnAreas(string user, string area, HttpStatusCode expected)
    {
        var client = await app.As(user);

        using var response = await client.Get($"/api/monitoring/dashboard?area={area}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal(area, (string?)(await response.AssertOk())["area"]);
    }

    [Fact]
    public async Task WithoutAnAreaEachGetsItsOwnAndAnOperatorMustNameOne()
    {
        Assert.Equal("52", (string?)(await (await app.As("province.guizhou")).GetObject("/api/monitoring/dashboard"))["area"]);
        Assert.Equal("520281", (string?)(await (await app.As("county.panzhou")).GetObject("/api/monitoring/dashboard"))["area"]);
        using var unnamed = await (await app.As("operator")).Get("/api/monitoring/dashboard");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        using var anonymous = await app.Anonymous().Get("/api/monitoring/dashboard?area=52");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task ACountysHouseholdsWithoutAVillageCodeAreListedForItsOfficer()
    {
        using (var registered = await (await app.As("operator")).SendJson(HttpMethod.Post, "/api/households", new System.Text.Json.Nodes.JsonObject
        {
            ["profile"] = new System.Text.Json.Nodes.JsonObject
            {
                ["headName"] = "无代码户主", ["countyCode"] = "520123", ["township"] = "六屯镇", ["village"] = "大木村", ["people"] = 3,
            },
        }))
        {
            var id = (string)(await registered.AssertOk(HttpStatusCode.Created))["id"]!;
            var officer = await app.As("county.xiuwen");
            var dashboard = await officer.GetObject("/api/monitoring/dashboard?area=520123");
            Assert.True((long)dashboard["householdsWithoutVillageCode"]! >= 1);
            var listed = new List<string>();
            for (string? after = null; ;)
            {
                var page = await officer.GetArray("/api/monitoring/households-without-village?area=520123&limit=200" + (after is null ? "" : $"&after={after}"));
                listed.AddRange(page.Select(h => (string)h!["id"]!));
                if (page.Count < 200) break;
                after = listed[^1];
            }
            Assert.Contains(id, listed);
            using var other = await (await app.As("county.panzhou")).Get("/api/monitoring/households-without-village?area=520123");
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }
    }
}
