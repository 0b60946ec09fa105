using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A dividend paid end to end in the browser, on an app whose platform clock the test moves past the public notice:
/// 盘州 (coop-pzcili, the demo's share register, two admins) prepares its 2024 declaration (the demo declares only 2025;
/// 2024 has closed), the finance admin approves it and starts the notice, payment is refused until the notice is over,
/// then paid; a member household sees the paid line on its own dividends page.
/// </summary>
[Collection(ClockedBrowserAppCollection.Name)]
public sealed class DividendPaymentTests(ClockedBrowserApp app)
{
    private const int Year = 2024;
    private const string Declaration = "/api/cooperatives/coop-pzcili/dividends/2024";
    private const string Household = "hh-pz01";

    [Fact]
    public async Task PreparedApprovedPublicisedThenPaidAfterTheNoticeAndTheHouseholdSeesItPaid()
    {
        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());

        // The preparer: no 2024 declaration yet; the year-end figures make a draft.
        var (preparerContext, preparer) = await app.SignedIn("coop.panzhou", 1280);
        await preparer.GotoAsync($"/cooperative/dividends/{Year}");
        Assert.Equal(0, await preparer.Locator("#declaration-status").CountAsync());
        await preparer.FillAsync("#Surplus", "500000");
        await preparer.FillAsync("#ProfitPerMu", "1000");
        await preparer.ClickAsync("#prepare");
        await preparer.WaitForURLAsync($"**/cooperative/dividends/{Year}?**");
        Assert.Equal("Draft", await preparer.GetAttributeAsync("#declaration-status", "data-status"));
        await preparerContext.CloseAsync();

        // A second admin approves and starts the public notice (the page offers the charter's shortest notice from today).
        var (financeContext, finance) = await app.SignedIn("coop.panzhou.finance", 360);
        await finance.GotoAsync($"/cooperative/dividends/{Year}");
        await finance.ClickAsync("#approve");
        await Assertions.Expect(finance.Locator("#declaration-status")).ToHaveAttributeAsync("data-status", "Approved");
        await finance.ClickAsync("#publicise");
        await Assertions.Expect(finance.Locator("#declaration-status")).ToHaveAttributeAsync("data-status", "Publicised");
        var publicised = (await CooperativeAdminTests.Json(financeContext, Declaration)).GetProperty("declaration");
        Assert.Equal("coop.panzhou.finance", publicised.GetProperty("approvedBy").GetString());
        var noticeEnd = DateOnly.Parse(publicised.GetProperty("noticeEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(noticeEnd >= app.Clock.Today);

        // During the notice the page explains why it cannot pay, and nothing is paid.
        await finance.ClickAsync("#pay");
        await Assertions.Expect(finance.Locator(".validation-summary-errors")).ToContainTextAsync("公示");
        Assert.Equal("Publicised", await finance.GetAttributeAsync("#declaration-status", "data-status"));
        await financeContext.CloseAsync();

        // The day after the notice ends. A week outlives the sign-in, so the preparer signs in again and pays.
        app.Clock.Advance(TimeSpan.FromDays(noticeEnd.DayNumber - app.Clock.Today.DayNumber + 1));
        Assert.True(app.Clock.Today > noticeEnd);
        // The member assembly (a held meeting, everyone present) passes the plan, as payment requires.
        var assembly = app.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Assemblies.IAssemblyGrain>(
            new Grains.Assemblies.AssemblyKey("coop-pzcili", $"asm-browser-{Guid.NewGuid():N}").ToString());
        var called = await assembly.Call(new Grains.Assemblies.CallAssembly($"{Year} 年度成员大会", Domain.Assemblies.AssemblyMode.Held,
            [new Domain.Assemblies.ResolutionDraft(Domain.Assemblies.ResolutionSubject.DistributionPlan, $"{Year} 年度盈余分配方案", Year)]), "coop.panzhou");
        await assembly.RecordHeld(new Grains.Assemblies.HeldMeeting(called.Roll.Seats,
            new Dictionary<string, Domain.Assemblies.ResolutionCount> { ["r1"] = new(called.Roll.TotalVotes, 0, 0) }, "全体成员出席，一致通过。"), "coop.panzhou");
        (preparerContext, preparer) = await app.SignedIn("coop.panzhou", 1280);
        await preparer.GotoAsync($"/cooperative/dividends/{Year}");
        await preparer.ClickAsync("#pay");
        await Assertions.Expect(preparer.Locator("#declaration-status")).ToHaveAttributeAsync("data-status", "Paid");

        var paid = await CooperativeAdminTests.Json(preparerContext, Declaration);
        Assert.Equal("Paid", paid.GetProperty("declaration").GetProperty("status").GetString());
        Assert.Equal("coop.panzhou", paid.GetProperty("declaration").GetProperty("paidBy").GetString());
        var total = Money(paid.GetProperty("totals").GetProperty("totalPaidFen").GetInt64());
        Assert.NotEqual(Money(0), total);
        Assert.Equal(total, await preparer.InnerTextAsync("#total-paid"));
        await Assertions.Expect(preparer.Locator("p.notice[role=status]")).ToContainTextAsync(total);
        await preparer.Screenshot("cooperative-dividends-2024-paid");
        await preparer.AssertAccessible("cooperative-dividends-2024-paid");

        // The household's line, as the declaration's lines give it, is on its page as paid.
        var lines = await CooperativeAdminTests.Json(preparerContext, Declaration + "/lines?limit=200");
        var line = lines.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("shareholderId").GetString() == Household);
        var linePaid = line.GetProperty("paidFen").GetInt64();
        Assert.True(linePaid > 0, "the household's land floor alone pays something");
        await preparerContext.CloseAsync();

        foreach (var width in new[] { 360, 1280 })
        {
            var (householdContext, household) = await app.SignedIn("farmer.pz01", width);
            await household.GotoAsync("/household/dividends");
            var own = (await CooperativeAdminTests.Json(householdContext, $"/api/households/{Household}/dividends")).EnumerateArray()
                .Single(d => d.GetProperty("fiscalYear").GetInt32() == Year);
            Assert.Equal("Paid", own.GetProperty("status").GetString());
            Assert.Equal(linePaid, own.GetProperty("paidFen").GetInt64());
            var amount = household.Locator($"#dividend-coop-pzcili-{Year}");
            await Assertions.Expect(amount).ToHaveTextAsync(Money(linePaid));
            var card = household.Locator("section.dividend", new PageLocatorOptions { Has = amount });
            await Assertions.Expect(card).ToContainTextAsync("已到账");
            await Assertions.Expect(card).ToContainTextAsync("已发放");
            await household.Screenshot("household-dividends-2024-paid");
            await household.AssertAccessible("household-dividends-2024-paid");
            await householdContext.CloseAsync();
        }
    }

    private static string Money(long fen) => Web.Localization.Labels.Money(fen);
}
