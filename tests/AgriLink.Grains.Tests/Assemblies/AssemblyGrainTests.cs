using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Tests.Dividends;
using Xunit;

namespace AgriLink.Grains.Tests.Assemblies;

/// <summary>
/// The member assembly decides the distribution plan: payment waits for its passed resolution, the assembly may decide
/// only after the notice with objections settled, and its counts reach the notice board's projection.
/// </summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class AssemblyGrainTests(LedgerClusterFixture fixture)
{
    private const string Cashier = "coop.cashier";
    private readonly IClusterClient _client = fixture.Client;

    private NoticeBoardQueries Board => new(fixture.Database);

    [Fact]
    public async Task BallotsAreRowsSoACastRewritesOnlyTheTurnoutAndAnOlderStateIsMovedIntoRows()
    {
        var year = await ClosedYear.RecordAsync(_client);
        var grain = _client.GetGrain<IAssemblyGrain>(new AssemblyKey(year.Village.CooperativeId, "asm-rows").ToString());
        var called = await grain.Call(new CallAssembly("临时成员大会", AssemblyMode.Online,
            [new ResolutionDraft(ResolutionSubject.AnnualReport, "2025 年度报告")], fixture.Clock.GetUtcNow().AddDays(3)), ClosedYear.Preparer);
        Assert.Empty(called.Voters); // the voters are rows, not part of the meeting the state keeps
        var yes = new Dictionary<string, VoteChoice> { ["r1"] = VoteChoice.Yes };

        await grain.Cast(year.Wang, yes);
        var afterOne = await fixture.StoredStateAsync<AssemblyState>("assembly", grain);
        await grain.Cast(year.Li, yes);
        await grain.Cast(year.Zhang, new Dictionary<string, VoteChoice> { ["r1"] = VoteChoice.Abstain });
        var changed = await grain.Cast(year.Wang, new Dictionary<string, VoteChoice> { ["r1"] = VoteChoice.No });
        var afterFour = await fixture.StoredStateAsync<AssemblyState>("assembly", grain);

        // Four casts by three members: the state's meeting is the same, only the turnout moved; the ballots are in rows.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(afterOne.Assembly), System.Text.Json.JsonSerializer.Serialize(afterFour.Assembly));
        Assert.Empty(afterFour.LegacyBallots);
        Assert.Equal((1, 3), (afterOne.Turnout, afterFour.Turnout));
        Assert.Equal(3, await grain.Turnout());
        Assert.Equal(1, changed.Changes);
        Assert.Equal(VoteChoice.No, (await grain.BallotOf(year.Wang))!.Choices["r1"]);
        Assert.Equal(new[] { year.Li, year.Wang, year.Zhang }.Order(StringComparer.Ordinal), (await grain.Ballots()).Select(b => b.MemberId));
        // A member not on the roll when the assembly was called (the collective is no household) may not vote.
        await GrainAssert.RefusedAsync(() => grain.Cast(year.Collective, yes), "assembly.not-a-voter");

        // A state from before schema 14 (voters and ballots inside it, no rows) is moved into rows on activation.
        var ballots = await grain.Ballots();
        await fixture.ExecuteAsync($"DELETE FROM assembly_ballots WHERE assembly_id = '{grain.GetPrimaryKeyString()}'");
        await fixture.ExecuteAsync($"DELETE FROM assembly_voters WHERE assembly_id = '{grain.GetPrimaryKeyString()}'");
        await fixture.ChangeStoredStateAsync<AssemblyState>("assembly", grain, s => s with
        {
            Assembly = s.Assembly! with { Voters = [.. year.Households.Order(StringComparer.Ordinal)] },
            LegacyBallots = ballots.ToDictionary(b => b.MemberId, StringComparer.Ordinal), Turnout = 0,
        });
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(3, await grain.Turnout());
        Assert.Equal(ballots, await grain.Ballots(), new BallotComparer());
        var moved = await fixture.StoredStateAsync<AssemblyState>("assembly", grain);
        Assert.Equal((0, 0), (moved.Assembly!.Voters.Count, moved.LegacyBallots.Count));
        await grain.Cast(year.Zhao, yes); // a voter again, from the rows
        Assert.Equal(4, await grain.Turnout());
    }

    private sealed class BallotComparer : IEqualityComparer<Domain.Assemblies.Ballot>
    {
        public bool Equals(Domain.Assemblies.Ballot? x, Domain.Assemblies.Ballot? y) =>
            x is not null && y is not null && x.MemberId == y.MemberId && x.CastAt == y.CastAt && x.Changes == y.Changes &&
            x.Choices.OrderBy(c => c.Key).SequenceEqual(y.Choices.OrderBy(c => c.Key));

        public int GetHashCode(Domain.Assemblies.Ballot obj) => obj.MemberId.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentWithoutThePassedResolutionIsRefusedAndTheAssemblyMayDecideOnlyAfterTheNotice()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        var grain = _client.GetGrain<IAssemblyGrain>(new AssemblyKey(year.Village.CooperativeId, "asm-early").ToString());
        var called = await grain.Call(new CallAssembly("2025 年度成员大会", AssemblyMode.Held,
            [new ResolutionDraft(ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", ClosedYear.FiscalYear)]), ClosedYear.Preparer);
        var all = new HeldMeeting(called.Roll.Seats, new Dictionary<string, ResolutionCount> { ["r1"] = new(called.Roll.TotalVotes, 0, 0) }, "一致通过");

        // During the notice the plan cannot go before the assembly: the record is refused and nothing is kept.
        await GrainAssert.RefusedAsync(() => grain.RecordHeld(all, ClosedYear.Preparer), "declaration.notice-running");
        Assert.Equal(AssemblyStatus.Open, (await grain.Get()).Status);
        fixture.PassDays(7);
        var refused = await GrainAssert.RefusedAsync(() => year.Declaration.Pay(Cashier), "declaration.no-resolution");
        Assert.Contains("成员大会", refused.Message, StringComparison.Ordinal);

        var closed = await grain.RecordHeld(all, ClosedYear.Preparer);
        var report = await year.Declaration.Pay(Cashier);

        Assert.True(closed.Resolutions[0].Passed);
        Assert.Equal($"{year.Village.CooperativeId}:asm-early/r1", (await year.Declaration.Get()).Declaration.AssemblyResolution);
        Assert.False(report.AlreadyPaid);
        Assert.Equal(DeclarationStatus.Paid, (await year.Declaration.Get()).Declaration.Status);
    }

    [Fact]
    public async Task AMajorityOfThosePresentButNotOfAllMembersDoesNotLetThePlanBePaid()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        fixture.PassDays(7);
        var grain = _client.GetGrain<IAssemblyGrain>(new AssemblyKey(year.Village.CooperativeId, "asm-split").ToString());
        var called = await grain.Call(new CallAssembly("2025 年度成员大会", AssemblyMode.Held,
            [new ResolutionDraft(ResolutionSubject.DistributionPlan, "2025 年度盈余分配方案", ClosedYear.FiscalYear)]), ClosedYear.Preparer);
        var seats = called.Roll.Seats;
        // Everyone present; yes is a majority of those who voted yes or no, but not more than half of all votes.
        var yes = called.Roll.TotalVotes / 2;

        var closed = await grain.RecordHeld(new HeldMeeting(seats,
            new Dictionary<string, ResolutionCount> { ["r1"] = new(yes, 1, called.Roll.TotalVotes - yes - 1) }, "多数弃权"), ClosedYear.Preparer);

        Assert.False(closed.Resolutions[0].Passed);
        await GrainAssert.RefusedAsync(() => year.Declaration.Pay(Cashier), "declaration.no-resolution");
        var row = Assert.Single(await Board.Assemblies(year.Village.CooperativeId, 10), a => a.Id.EndsWith(":asm-split", StringComparison.Ordinal));
        Assert.Equal(("Closed", seats, false, yes), (row.Status, row.Present, row.Resolutions[0].Passed, row.Resolutions[0].Yes));
        Assert.Contains("未超过表决权总数", row.Resolutions[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNoticeBoardReadsThePlanOnNoticeFromItsProjection()
    {
        var year = await ClosedYear.PublicisedAsync(_client, fixture.CurrentDate);
        var view = await year.Declaration.Get();

        var notice = Assert.Single(await Board.Notices(year.Village.CooperativeId));
        var lines = await Board.Lines(notice.DeclarationId, year.Village.CooperativeId, null, 500);

        Assert.Equal(("Publicised", view.Totals.TotalPaidFen, view.Declaration.NoticeEnd), (notice.Status, notice.TotalPaidFen, notice.NoticeEnd));
        Assert.Equal(view.LineCount, lines.Items.Count);
        Assert.Equal(view.Totals.TotalPaidFen, lines.Items.Sum(l => l.PaidFen));
        Assert.Contains(lines.Items, l => l is { Name: "王德明户", IsPerson: true });
        Assert.Contains(lines.Items, l => !l.IsPerson);
    }
}
