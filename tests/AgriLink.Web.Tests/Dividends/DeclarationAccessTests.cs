using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// Who may see and change a year-end declaration, on the seeded demo (coop-pzcili's 2025 declaration, in its
/// public notice) and on fresh cooperatives for anything that changes a declaration's state.
/// </summary>
[Collection(SeededAppCollection.Name)]
public sealed class DeclarationAccessTests(SeededApp app)
{
    private const string Declaration = "/api/cooperatives/coop-pzcili/dividends/2025";

    [Fact]
    public async Task MemberReadsEveryShareholdersLineDuringThePublicNotice()
    {
        var member = await app.As("farmer.pz01");
        var admin = await app.As("coop.panzhou");

        var view = await member.GetObject(Declaration);
        var lines = await member.AllLines("coop-pzcili", 2025, pageSize: 7);

        Assert.Equal("Publicised", (string?)view["declaration"]!["status"]);
        Assert.Equal((int)view["lineCount"]!, lines.Count);
        var holders = lines.Select(l => (string)l["shareholderId"]!).ToList();
        Assert.Equal(holders.Count, holders.Distinct(StringComparer.Ordinal).Count());
        // Not only its own line: every household, the village collective and the investing company.
        Assert.Contains("hh-pz02", holders);
        Assert.Contains("hh-pz11", holders);
        Assert.Contains("vc-shepeng", holders);
        Assert.Contains("ent-panshan", holders);
        Assert.Equal((long)view["totals"]!["totalPaidFen"]!, lines.Sum(l => (long)l["paidFen"]!));
        Assert.Equal((await admin.AllLines("coop-pzcili", 2025)).Select(l => l.ToJsonString()), lines.Select(l => l.ToJsonString()));
    }

    [Fact]
    public async Task MemberFilesAnObjectionAndPaymentIsRefusedWithAProblem()
    {
        var member = await app.As("farmer.pz01");
        var admin = await app.As("coop.panzhou");
        var text = $"我家交售的刺梨少算了 {Guid.NewGuid():N}";

        using var objected = await member.SendJson(HttpMethod.Post, Declaration + "/objections", new JsonObject { ["text"] = text });
        var after = await objected.AssertOk();
        using var pay = await admin.Post(Declaration + "/pay");

        var objection = Assert.Single(after["declaration"]!["objections"]!.AsArray(), o => (string?)o!["text"] == text)!;
        Assert.Equal("hh-pz01", (string?)objection["memberId"]);
        Assert.Equal(DividendHelpers.ChinaToday.ToString("yyyy-MM-dd"), (string?)objection["filedOn"]);
        Assert.True((bool)objection["isOpen"]!);
        var problem = await pay.AssertProblem(HttpStatusCode.Conflict);
        // The notice still runs today (and the objection is open): either way nothing is paid.
        Assert.Contains(problem.Code(), new[] { "declaration.notice-running", "declaration.objections-open" });
        Assert.Equal("Publicised", await admin.DeclarationStatus("coop-pzcili", 2025));
        var ledger = app.Factory.Services.GetRequiredService<ILedger>();
        Assert.False(await ledger.IsPostedAsync("dividend:coop-pzcili:2025:appropriation", Api.Ct));
        Assert.False(await ledger.IsPostedAsync("dividend:coop-pzcili:2025:hh-pz01", Api.Ct));
        Assert.Equal(0, await ledger.BalanceAsync(LedgerAccounts.CooperativeDividendsPayable("coop-pzcili"), Api.Ct));
        var audit = await (await app.As("operator")).GetArray("/api/audit?resourceType=declaration&resourceId=coop-pzcili:2025&limit=200");
        Assert.Contains(audit, e => (string?)e!["action"] == "dividend.object" && ((string?)e["after"] ?? "").Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => (string?)e!["action"] == "dividend.pay");
    }

    [Fact]
    public async Task AdminOfAnotherCooperativeCannotPrepareApprovePubliciseResolveOrPay()
    {
        var owner = await app.As("coop.panzhou");
        var other = await app.As("coop.xiuwen");
        var before = await owner.Snapshot(Declaration);

        var attempts = new (string Path, JsonObject? Body)[]
        {
            (Declaration, new JsonObject { ["surplusFen"] = 1, ["priorLossesFen"] = 0, ["profitPerMuFen"] = 0 }),
            (Declaration + "/approve", null),
            (Declaration + "/publicise", new JsonObject { ["noticeStart"] = "2026-01-01", ["noticeEnd"] = "2026-01-07" }),
            (Declaration + "/objections/obj-1/resolve", new JsonObject { ["outcome"] = "Dismissed", ["resolution"] = "不是本社管理员" }),
            (Declaration + "/pay", null),
        };
        foreach (var (path, body) in attempts)
        {
            using var response = body is null ? await other.Post(path) : await other.SendJson(HttpMethod.Post, path, body);
            await response.AssertProblem(HttpStatusCode.Forbidden);
        }

        Assert.Equal(before, await owner.Snapshot(Declaration));
        using var read = await other.Get(Declaration);
        await read.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PreparerCannotApproveItsOwnDeclaration()
    {
        var operatorClient = await app.As("operator");
        var id = await FreshCooperative.CreateAsync(operatorClient);
        var path = $"/api/cooperatives/{id}/dividends/2025";

        using (var prepare = await operatorClient.SendJson(HttpMethod.Post, path, FreshCooperative.Figures2025))
        {
            var draft = await prepare.AssertOk();
            Assert.Equal("Draft", (string?)draft["declaration"]!["status"]);
            Assert.Equal("operator", (string?)draft["declaration"]!["preparedBy"]);
        }
        using var approve = await operatorClient.Post(path + "/approve");
        using var byOutsider = await (await app.As("coop.panzhou")).Post(path + "/approve");

        var problem = await approve.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("declaration.four-eyes", problem.Code());
        await byOutsider.AssertProblem(HttpStatusCode.Forbidden);
        var view = await operatorClient.GetObject(path);
        Assert.Equal("Draft", (string?)view["declaration"]!["status"]);
        Assert.Null(view["declaration"]!["approvedBy"]);
        // The draft's lines are exact: the distributable surplus is paid out to the fen.
        var lines = await operatorClient.AllLines(id, 2025);
        Assert.Equal(FreshCooperative.Members.Order(StringComparer.Ordinal), lines.Select(l => (string)l["shareholderId"]!).Order(StringComparer.Ordinal));
        Assert.Equal((long)view["totals"]!["distributableFen"]!, lines.Sum(l => (long)l["paidFen"]!));
        Assert.Equal(850_000, (long)view["totals"]!["distributableFen"]!);
    }

    [Fact]
    public async Task CharterBelowSixtyPercentTradeReturnIsRefusedAndNothingChanges()
    {
        var admin = await app.As("coop.panzhou");
        const string path = "/api/cooperatives/coop-pzcili/charter";
        var before = await admin.Snapshot(path);
        var charter = System.Text.Json.Nodes.JsonNode.Parse(before)!.AsObject();
        charter["tradeReturnRateBp"] = 5999;

        using var response = await admin.SendJson(HttpMethod.Put, path, charter);

        var problem = await response.AssertValidationProblem("tradeReturnRateBp");
        Assert.Contains("60%", (string)problem["errors"]!["tradeReturnRateBp"]![0]!);
        Assert.Equal(before, await admin.Snapshot(path));
        var audit = await (await app.As("operator")).GetArray("/api/audit?resourceType=cooperative&resourceId=coop-pzcili&limit=200");
        Assert.DoesNotContain(audit, e => (string?)e!["action"] == "charter.set");
    }

    [Fact]
    public async Task FundTraceLeadsFromTheFiscalFundToEveryFenItsSharesEarned()
    {
        var admin = await app.As("coop.panzhou");

        var trace = await admin.GetObject(Declaration + "/funds/fund-pz-2017");
        var lines = await admin.AllLines("coop-pzcili", 2025);

        var holdings = trace["holdings"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Equal(8, holdings.Count); // the households ever on the poverty register
        Assert.All(holdings, h =>
        {
            Assert.Equal("fund-pz-2017", (string?)h["fundId"]);
            Assert.Equal("FiscalFund", (string?)h["shareClass"]);
        });
        var dividends = trace["dividends"]!.AsArray().Select(d => d!.AsObject()).ToList();
        var total = (long)trace["totalFen"]!;
        Assert.True(total > 0);
        Assert.Equal(total, dividends.Sum(d => (long)d["amountFen"]!));
        Assert.Equal("Publicised", (string?)trace["status"]);
        var formed = holdings.Select(h => (string)h["holdingId"]!).ToHashSet(StringComparer.Ordinal);
        Assert.All(dividends, d =>
        {
            Assert.Contains((string)d["holdingId"]!, formed);
            Assert.Equal("dividend:coop-pzcili:2025:" + (string?)d["shareholderId"], (string?)d["ledgerKey"]);
        });
        // Exactly the declaration's components on those holdings, no more and no fewer.
        var expected = lines.SelectMany(l => l["components"]!.AsArray()
                .Where(c => (string?)c!["holdingId"] is { } h && formed.Contains(h))
                .Select(c => $"{l["shareholderId"]}|{c!["holdingId"]}|{c["kind"]}|{c["amountFen"]}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, dividends.Select(d => $"{d["shareholderId"]}|{d["holdingId"]}|{d["kind"]}|{d["amountFen"]}").Order(StringComparer.Ordinal));
        // Every holding earned something (floors at 6%/8%/10% of ¥20,000 and the second round).
        Assert.All(holdings, h => Assert.Contains(dividends, d => (string?)d["holdingId"] == (string?)h["holdingId"]));

        // A member reads the same trace during the notice.
        Assert.Equal(trace.ToJsonString(), (await (await app.As("farmer.pz01")).GetObject(Declaration + "/funds/fund-pz-2017")).ToJsonString());
    }
}
