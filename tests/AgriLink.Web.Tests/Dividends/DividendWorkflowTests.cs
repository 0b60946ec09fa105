using System.Net;
using System.Text.Json.Nodes;
using AgriLink.Storage.Ledger;
using AgriLink.Tests.Shared;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// The declaration workflow end to end over HTTP, on the demo's 舍烹 2025 declaration, in an app of its own whose
/// platform clock the test moves past the public notice: an objection blocks payment until an admin resolves it,
/// then every shareholder is paid exactly once through the ledger, and paying again pays nothing.
/// </summary>
public sealed class DividendWorkflowTests
{
    private const string Declaration = "/api/cooperatives/coop-pzcili/dividends/2025";

    [Fact]
    public async Task ObjectionBlocksPaymentUntilResolvedThenEveryShareholderIsPaidExactlyOnce()
    {
        using var folder = new TempFolder();
        var clock = MovableClock.StartingNow();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?>
        {
            ["AgriLink:SeedDemo"] = "true",
            ["AgriLink:SignInAttemptsPerMinute"] = "100000",
        });
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Same(clock, app.Services.GetRequiredService<TimeProvider>());
        var ledger = app.Services.GetRequiredService<ILedger>();
        async Task<HttpClient> As(string userName) =>
            app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).WithBearer(await anonymous.LoginAsync(userName, DemoData.Password));

        var member = await As("farmer.pz01");
        var preparer = await As("coop.panzhou");
        var finance = await As("coop.panzhou.finance");
        var seeded = (await preparer.GetObject(Declaration))["declaration"]!;
        Assert.Equal("Publicised", (string?)seeded["status"]);
        Assert.Equal("coop.panzhou", (string?)seeded["preparedBy"]);
        Assert.Equal("coop.panzhou.finance", (string?)seeded["approvedBy"]);
        var noticeEnd = DateOnly.Parse((string)seeded["noticeEnd"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(clock.Today.AddDays(6), noticeEnd);

        // During the notice a member objects, and payment waits for the notice to end.
        string objectionId;
        using (var objected = await member.SendJson(HttpMethod.Post, Declaration + "/objections", new JsonObject { ["text"] = "我家的土地面积登记少了半亩" }))
            objectionId = (string)(await objected.AssertOk())["declaration"]!["objections"]!.AsArray().Single()!["objectionId"]!;
        using (var early = await finance.Post(Declaration + "/pay"))
            Assert.Equal("declaration.notice-running", (await early.AssertProblem(HttpStatusCode.Conflict)).Code());

        // Seven days on the notice is over. Tokens are an hour long, so everyone signs in again.
        clock.Advance(TimeSpan.FromDays(7));
        Assert.True(clock.Today > noticeEnd);
        member = await As("farmer.pz01");
        preparer = await As("coop.panzhou");
        finance = await As("coop.panzhou.finance");

        using (var late = await member.SendJson(HttpMethod.Post, Declaration + "/objections", new JsonObject { ["text"] = "公示期过了才看到" }))
            Assert.Equal("declaration.outside-notice", (await late.AssertProblem(HttpStatusCode.Conflict)).Code());
        using (var blocked = await finance.Post(Declaration + "/pay"))
        {
            var problem = await blocked.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("declaration.objections-open", problem.Code());
            Assert.Contains(objectionId, (string?)problem["detail"]);
        }
        Assert.False(await ledger.IsPostedAsync("dividend:coop-pzcili:2025:appropriation", Api.Ct));

        // Only an admin resolves it; a member cannot dismiss its own objection.
        var dismiss = new JsonObject { ["outcome"] = "Dismissed", ["resolution"] = "经村民代表复核，土地面积登记无误" };
        using (var byMember = await member.SendJson(HttpMethod.Post, $"{Declaration}/objections/{objectionId}/resolve", dismiss))
            await byMember.AssertProblem(HttpStatusCode.Forbidden);
        using (var resolved = await finance.SendJson(HttpMethod.Post, $"{Declaration}/objections/{objectionId}/resolve", dismiss))
        {
            var objection = (await resolved.AssertOk())["declaration"]!["objections"]!.AsArray().Single()!;
            Assert.False((bool)objection["isOpen"]!);
            Assert.Equal("Dismissed", (string?)objection["outcome"]);
            Assert.Equal("coop.panzhou.finance", (string?)objection["resolvedBy"]);
        }

        // The member assembly passes the plan: payment waits for it (after the notice, objections settled).
        using (var unresolved = await finance.Post(Declaration + "/pay"))
            Assert.Equal("declaration.no-resolution", (await unresolved.AssertProblem(HttpStatusCode.Conflict)).Code());
        await preparer.PassPlanAsync("coop-pzcili", 2025, Api.Ct);

        // Paid: one transfer per shareholder with money to move, and the appropriation.
        var lines = await preparer.AllLines("coop-pzcili", 2025);
        var totals = (await preparer.GetObject(Declaration))["totals"]!;
        JsonObject report;
        using (var pay = await preparer.Post(Declaration + "/pay"))
            report = await pay.AssertOk();
        var transfers = lines.Count(l => (long)l["paidFen"]! != 0 || (long)l["owedFen"]! != 0) + 1;
        Assert.Equal(transfers, (int)report["transfersPosted"]!);
        Assert.Equal(0, (int)report["transfersAlreadyPosted"]!);
        Assert.False((bool)report["alreadyPaid"]!);
        Assert.Equal((long)totals["totalPaidFen"]!, (long)report["totalPaidFen"]!);
        var paid = (await preparer.GetObject(Declaration))["declaration"]!;
        Assert.Equal("Paid", (string?)paid["status"]);
        Assert.Equal("coop.panzhou", (string?)paid["paidBy"]);
        Assert.Equal(clock.Today.ToString("yyyy-MM-dd"), (string?)paid["paidOn"]);

        var balances = await LedgerChecks.AssertEveryLinePaidOnceAsync(ledger, "coop-pzcili", lines);
        Assert.Equal((long)totals["reserveFen"]!, await ledger.BalanceAsync(LedgerAccounts.CooperativeReserveFund("coop-pzcili"), Api.Ct));
        Assert.Equal((long)totals["welfareFen"]!, await ledger.BalanceAsync(LedgerAccounts.CooperativeWelfareFund("coop-pzcili"), Api.Ct));

        // Paying again pays nothing.
        using (var again = await finance.Post(Declaration + "/pay"))
        {
            var replay = await again.AssertOk();
            Assert.True((bool)replay["alreadyPaid"]!);
            Assert.Equal(0, (int)replay["transfersPosted"]!);
        }
        Assert.Equal(balances, await ledger.BalancesAsync(LedgerAccounts.ShareholderPrefixAll, Api.Ct));

        // The household sees its dividend as paid; the fund trace's ledger keys are the posted transfers.
        var dividend = (await member.GetArray("/api/households/hh-pz01/dividends")).Single(d => (int?)d!["fiscalYear"] == 2025)!;
        Assert.Equal("Paid", (string?)dividend["status"]);
        Assert.Equal((long)dividend["paidFen"]!, await ledger.BalanceAsync(LedgerAccounts.ShareholderDividends("hh-pz01"), Api.Ct));
        var trace = await member.GetObject(Declaration + "/funds/fund-pz-2017");
        Assert.Equal("Paid", (string?)trace["status"]);
        foreach (var key in trace["dividends"]!.AsArray().Select(d => (string)d!["ledgerKey"]!).Distinct())
            Assert.True(await ledger.IsPostedAsync(key, Api.Ct), $"{key} is not posted.");
    }
}
