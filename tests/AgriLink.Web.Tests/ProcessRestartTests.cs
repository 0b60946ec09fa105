using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>The crash test: the real app, killed with SIGKILL, restarted on the same data folder.</summary>
public sealed class ProcessRestartTests
{
    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesKillDashNine()
    {
        using var folder = new TempFolder();
        string token, publishedId, draftId;
        JsonObject published, draft;

        await using (var first = await AppProcess.StartAsync(folder.Path))
        {
            token = await first.Client.LoginAsync("coop.xiuwen", DemoData.Password);
            first.Client.WithBearer(token);

            // Sold by weight, so its stock may have the 3 decimals whose exact survival is checked below.
            var byWeight = Listings.KiwiDraft("崩溃测试猕猴桃");
            byWeight["unit"] = "Kilogram";
            publishedId = await first.Client.CreateDraft("coop-xwkiwi", byWeight);
            using (var publish = await first.Client.Post($"/api/listings/{publishedId}/publish")) await publish.AssertOk();
            using (var stock = await first.Client.SendJson(HttpMethod.Put, $"/api/listings/{publishedId}/stock", """{"stock":1234.567}"""))
                published = await stock.AssertOk();
            draftId = await first.Client.CreateDraft("coop-xwkiwi", Listings.KiwiDraft("崩溃测试草稿"));
            draft = await first.Client.GetObject($"/api/listings/{draftId}");

            await first.KillAsync();
        }

        await using var second = await AppProcess.StartAsync(folder.Path);
        var anonymous = new HttpClient { BaseAddress = second.BaseAddress };
        second.Client.WithBearer(token);

        Assert.Equal(published.ToJsonString(), (await anonymous.GetObject($"/api/listings/{publishedId}")).ToJsonString());
        Assert.Equal(draft.ToJsonString(), (await second.Client.GetObject($"/api/listings/{draftId}")).ToJsonString());
        var listed = await second.Client.GetObject("/api/listings?cooperativeId=coop-xwkiwi&limit=200");
        Assert.Contains(publishedId, listed["items"]!.AsArray().Select(i => (string?)i!["id"]));
        Assert.Contains(draftId, listed["items"]!.AsArray().Select(i => (string?)i!["id"]));
        Assert.DoesNotContain("Seeding the Guizhou demo", second.Output);
    }

    [Fact]
    public async Task MegabyteBodyIsRefusedWithAProblemByTheRealServer()
    {
        using var folder = new TempFolder();
        await using var app = await AppProcess.StartAsync(folder.Path, "--AgriLink:SeedDemo", "false");
        var body = $$"""{"userName":"{{new string('a', 1024 * 1024)}}","password":"x"}""";

        using var response = await app.Client.Post("/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }
}
