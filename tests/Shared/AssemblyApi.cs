using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgriLink.Tests.Shared;

/// <summary>
/// The member assembly's part of paying a dividend, over the API: a held meeting of every member passes the year's
/// distribution plan (after its notice, with objections settled). The caller administers the cooperative.
/// </summary>
public static class AssemblyApi
{
    public static async Task<JsonObject> PassPlanAsync(this HttpClient admin, string cooperativeId, int fiscalYear, CancellationToken ct = default)
    {
        var assemblies = $"/api/cooperatives/{cooperativeId}/assemblies";
        using var called = await admin.PostAsJsonAsync(assemblies, new JsonObject
        {
            ["title"] = $"{fiscalYear} 年度成员大会", ["mode"] = "Held",
            ["resolutions"] = new JsonArray(new JsonObject { ["subject"] = "DistributionPlan", ["title"] = $"{fiscalYear} 年度盈余分配方案", ["fiscalYear"] = fiscalYear }),
        }, ct);
        var assembly = await Ok(called, ct);
        var id = ((string)assembly["assembly"]!["assemblyId"]!).Split(':')[^1];
        var roll = assembly["assembly"]!["roll"]!;
        using var held = await admin.PostAsJsonAsync($"{assemblies}/{id}/held", new JsonObject
        {
            ["present"] = (int)roll["seats"]!,
            ["counts"] = new JsonObject { ["r1"] = new JsonObject { ["yes"] = (int)roll["totalVotes"]!, ["no"] = 0, ["abstain"] = 0 } },
            ["minutes"] = "全体成员出席，一致通过。",
        }, ct);
        return await Ok(held, ct);
    }

    private static async Task<JsonObject> Ok(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
