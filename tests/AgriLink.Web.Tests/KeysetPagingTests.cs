using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Lists page by key (<c>after</c> = the previous page's <c>next</c>): walking a list while rows are added sees every row
/// that was there before, each once, in id order. With offsets, an insert before the cursor would show a row twice.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class KeysetPagingTests(SeededApp app)
{
    [Theory]
    [InlineData("/api/cooperatives")]
    [InlineData("/api/households")]
    [InlineData("/api/enterprises")]
    [InlineData("/api/village-collectives")]
    [InlineData("/api/buyers")]
    [InlineData("/api/listings")]
    public async Task WalkingByKeySeesTheWholeListOnceInIdOrder(string list)
    {
        var operatorClient = await app.As("operator");
        var whole = await Ids(operatorClient, $"{list}?limit=200");

        var walked = await Walk(operatorClient, list, pageSize: 2, between: () => Task.CompletedTask);

        Assert.Equal(whole, walked);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
    }

    [Fact]
    public async Task HouseholdsRegisteredWhileWalkingNeitherRepeatNorHideRows()
    {
        var operatorClient = await app.As("operator");
        var before = await Ids(operatorClient, "/api/households?limit=200");
        var added = new List<string>();

        var walked = await Walk(operatorClient, "/api/households", pageSize: 5, between: async () =>
        {
            using var register = await operatorClient.SendJson(HttpMethod.Post, "/api/households", """
                {"profile":{"headName":"分页测试户","countyCode":"520281","township":"普古乡","village":"舍烹村","people":3}}
                """);
            added.Add((string)(await register.AssertOk(HttpStatusCode.Created))["id"]!);
        });

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
        Assert.Empty(before.Except(walked));
        Assert.NotEmpty(added);
    }

    [Fact]
    public async Task ListingsCreatedWhileWalkingNeitherRepeatNorHideRows()
    {
        var admin = await app.As("coop.panzhou");
        var list = "/api/listings?cooperativeId=coop-pzcili";
        var before = await Ids(admin, $"{list}&limit=200");

        var walked = await Walk(admin, list, pageSize: 3, between: () => admin.CreateDraft("coop-pzcili", Listings.Draft(title: "分页测试刺梨")));

        Assert.Equal(walked.Distinct().Count(), walked.Count);
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
        Assert.Empty(before.Except(walked));
    }

    [Fact]
    public async Task AnAfterKeyThatIsTooLongIsAProblemResponse()
    {
        using var response = await app.Anonymous().Get("/api/listings?after=" + new string('x', 201));

        await response.AssertValidationProblem("after");
    }

    private static async Task<List<string>> Walk(HttpClient client, string list, int pageSize, Func<Task> between)
    {
        var ids = new List<string>();
        var separator = list.Contains('?') ? '&' : '?';
        string? after = null;
        do
        {
            var page = await client.GetObject($"{list}{separator}limit={pageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            ids.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            after = (string?)page["next"];
            await between();
        }
        while (after is not null);
        return ids;
    }

    private static async Task<List<string>> Ids(HttpClient client, string path) =>
        (await client.GetObject(path))["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
}
