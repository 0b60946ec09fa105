using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Orders;
using AgriLink.Web.Auth;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests;

/// <summary>
/// Every object the demo seeds has an id of its kind and is reachable through the API by the account that acts for it
/// (and by the operator): a seeded id that fails the API's id check is a 404 nobody can get past (the demo's orders once
/// were), so each is walked here as its owner.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DemoObjectsTests(SeededApp app)
{
    public static TheoryData<string, string> SeededIds()
    {
        var ids = new TheoryData<string, string>();
        foreach (var c in DemoData.Cooperatives) ids.Add(Ids.Cooperative, c.Id);
        foreach (var (id, _) in DemoData.Collectives) ids.Add(Ids.VillageCollective, id);
        foreach (var (id, _) in DemoData.Enterprises) ids.Add(Ids.Enterprise, id);
        foreach (var (id, _) in DemoData.Buyers) ids.Add(Ids.Buyer, id);
        foreach (var h in DemoData.Households()) ids.Add(Ids.Household, h.Id);
        foreach (var l in DemoData.Listings) ids.Add(Ids.Listing, l.Id);
        ids.Add(OrderIds.Prefix, DemoMarketplace.CanteenOrderId);
        ids.Add(OrderIds.Prefix, DemoMarketplace.UnionOrderId);
        ids.Add(Ids.OfftakeContract, DemoMarketplace.OfftakeId);
        return ids;
    }

    [Theory]
    [MemberData(nameof(SeededIds))]
    public void EverySeededIdIsAnIdOfItsKind(string prefix, string id) => Assert.True(Ids.IsValid(id, prefix), $"{id} is not a valid '{prefix}' id");

    [Fact]
    public async Task EachDemoAccountReachesEverythingItActsFor()
    {
        var reached = new List<string>();
        foreach (var account in DemoData.Accounts.Where(a => a.ObjectId is not null))
        {
            var client = await app.As(account.UserName);
            foreach (var path in await OwnedPaths(client, account))
            {
                using var response = await client.Get(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account.UserName}: GET {path} answered {(int)response.StatusCode}");
                reached.Add(path);
            }
        }

        // The demo's story depends on these: the canteen's order by the canteen and both its cooperatives, the union's by
        // the union and 从江, the offtake contract by both parties.
        Assert.Contains($"/api/orders/{DemoMarketplace.CanteenOrderId}", reached);
        Assert.Contains($"/api/orders/{DemoMarketplace.UnionOrderId}", reached);
        Assert.Contains($"/api/offtake-contracts/{DemoMarketplace.OfftakeId}", reached);
    }

    [Fact]
    public async Task TheOperatorReachesEverySeededObject()
    {
        var client = await app.As("operator");
        var paths = DemoData.Cooperatives.Select(c => $"/api/cooperatives/{c.Id}")
            .Concat(DemoData.Collectives.Select(c => $"/api/village-collectives/{c.Id}"))
            .Concat(DemoData.Enterprises.Select(e => $"/api/enterprises/{e.Id}"))
            .Concat(DemoData.Buyers.Select(b => $"/api/buyers/{b.Id}"))
            .Concat(DemoData.Households().Select(h => $"/api/households/{h.Id}"))
            .Concat(DemoData.Listings.Select(l => $"/api/listings/{l.Id}"))
            .Concat([$"/api/orders/{DemoMarketplace.CanteenOrderId}", $"/api/orders/{DemoMarketplace.UnionOrderId}",
                $"/api/offtake-contracts/{DemoMarketplace.OfftakeId}"]);
        foreach (var path in paths)
        {
            using var response = await client.Get(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"operator: GET {path} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>What the account's own pages lead to: its object, then each thing its lists name.</summary>
    private static async Task<List<string>> OwnedPaths(HttpClient client, DemoAccount account)
    {
        var id = account.ObjectId!;
        switch (account.Role)
        {
            case Roles.CooperativeAdmin:
                return
                [
                    $"/api/cooperatives/{id}", $"/api/cooperatives/{id}/invoices",
                    .. DemoData.Listings.Where(l => l.CooperativeId == id).Select(l => $"/api/listings/{l.Id}"),
                    .. (await Items(client, $"/api/cooperatives/{id}/orders")).Select(o => $"/api/orders/{(string)o["orderId"]!}"),
                    .. (await Items(client, $"/api/cooperatives/{id}/offtake-contracts")).Select(c => $"/api/offtake-contracts/{(string)c["id"]!}"),
                ];
            case Roles.Buyer:
                return
                [
                    $"/api/buyers/{id}", $"/api/buyers/{id}/invoices", $"/api/buyers/{id}/demands",
                    .. (await Items(client, $"/api/buyers/{id}/orders")).Select(o => $"/api/orders/{(string)o["orderId"]!}"),
                ];
            case Roles.EnterpriseAdmin:
                return
                [
                    $"/api/enterprises/{id}",
                    .. (await Items(client, $"/api/enterprises/{id}/offtake-contracts")).Select(c => $"/api/offtake-contracts/{(string)c["id"]!}"),
                ];
            case Roles.Household:
                return [$"/api/households/{id}", $"/api/households/{id}/dividends", $"/api/households/{id}/holdings"];
            case Roles.CountyOfficer:
                return DemoData.Cooperatives.Where(c => c.Profile.CountyCode == id).Select(c => $"/api/cooperatives/{c.Id}/admission").ToList();
            case Roles.TownshipOfficer:
                // Its township's cases (the demo's case waiting for its check among them) and each one.
                return ["/api/monitoring/cases", .. (await Items(client, "/api/monitoring/cases")).Select(c => $"/api/monitoring/cases/{(string)c["id"]!}")];
            case Roles.VillageCadre:
                return
                [
                    "/api/monitoring/cases", "/api/monitoring/visits", "/api/monitoring/households",
                    .. (await Items(client, "/api/monitoring/cases")).Select(c => $"/api/monitoring/cases/{(string)c["id"]!}"),
                ];
            case Roles.RegionOfficer:
                // Its region's figures (no case: a region officer reads counts only).
                return [$"/api/monitoring/dashboard?area={id}", "/api/monitoring/dashboard", $"/api/monitoring/households-without-village?area={id}"];
            default:
                throw new InvalidOperationException($"No walk for the role {account.Role}");
        }
    }

    private static async Task<List<JsonObject>> Items(HttpClient client, string path) =>
        (await client.GetObject(path))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
}
