using System.Text.Json.Nodes;
using AgriLink.Domain.Identifiers;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Offtake;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Offtake;
using AgriLink.Grains.Tests.Audit;
using AgriLink.Storage.Audit;
using Xunit;

namespace AgriLink.Grains.Tests.Offtake;

/// <summary>
/// Offtake contracts on the shared cluster, whose China date is 16 June 2026: the sample window runs from
/// 1 June to 31 July, so it is open and deliveries on 1–16 June are in it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OfftakeContractGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private static readonly OfftakeTerms Terms = new("鲜刺梨 贵农5号", ProduceCategory.Fruit, Unit.Jin, 10_000m,
        new(2026, 6, 1), new(2026, 7, 31), 300, MarketPriceIfHigher: true, Specification: " 单果10克以上 ");

    /// <summary>A contract proposed between a new enterprise and cooperative; <paramref name="audited"/> declares the proposal as an endpoint does.</summary>
    private async Task<(string Enterprise, string Cooperative, IOfftakeContractGrain Contract)> ProposedAsync(OfftakeTerms? terms = null, bool audited = false)
    {
        var enterprise = Samples.EnterpriseId();
        var cooperative = Samples.CooperativeId();
        await _client.GetGrain<IEnterpriseGrain>(enterprise).Register(Samples.Enterprise());
        await _client.GetGrain<ICooperativeGrain>(cooperative).Register(Samples.Cooperative());
        var id = Ids.New(Ids.OfftakeContract);
        var contract = _client.GetGrain<IOfftakeContractGrain>(id);
        Task<OfftakeContractView> Propose() => contract.Propose(new OfftakeProposal(enterprise, cooperative, terms ?? Terms), "ent.tester");
        await (audited ? Audited.As("offtake.propose", Resource, id, Propose) : Propose());
        return (enterprise, cooperative, contract);
    }

    private const string Resource = "offtake-contract";

    private async Task<IReadOnlyList<OfftakeSummary>> ListOf(string party) =>
        (await (party.StartsWith("coop-", StringComparison.Ordinal) ? fixture.Offtake.OfCooperative(party, null, ClusterFixture.FirstPage)
            : fixture.Offtake.OfEnterprise(party, null, ClusterFixture.FirstPage))).Items;

    private async Task<IReadOnlyList<AuditEntry>> EntriesOf(IOfftakeContractGrain contract) =>
        await new SqlAuditLog(fixture.Database).ReadAsync(new AuditQuery(ResourceType: Resource, ResourceId: contract.GetPrimaryKeyString()),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task EachDeclaredStepIsWrittenWithItsEntry()
    {
        var (_, _, contract) = await ProposedAsync(audited: true);
        var id = contract.GetPrimaryKeyString();

        await Audited.As("offtake.accept", Resource, id, () => contract.Accept("coop.tester"));
        await Audited.As("offtake.deliver", Resource, id, () => contract.RecordDelivery(new(" PZ-0603 ", new(2026, 6, 3), 120m, 280), "coop.tester"));
        await Audited.As("offtake.terminate", Resource, id, () => contract.Terminate("ent.tester", "减产"));

        var entries = await EntriesOf(contract);
        Assert.Equal(["offtake.terminate", "offtake.deliver", "offtake.accept", "offtake.propose"], entries.Select(e => e.Action));
        Assert.Equal(("\"Active\"", "\"Terminated\""), (entries[0].Before, entries[0].After));
        Assert.Equal(("PZ-0603", 120m), ((string)JsonNode.Parse(entries[1].After!)!["reference"]!, (decimal)JsonNode.Parse(entries[1].After!)!["quantity"]!));
        Assert.Equal(("\"Proposed\"", "\"Active\""), (entries[2].Before, entries[2].After));
        Assert.Null(entries[3].Before);
        Assert.Equal((id, "Proposed"), ((string)JsonNode.Parse(entries[3].After!)!["id"]!, (string)JsonNode.Parse(entries[3].After!)!["status"]!));
    }

    [Fact]
    public async Task ARefusedDeliveryWritesNoEntryAndLeavesTheListedRow()
    {
        var (enterprise, _, contract) = await ProposedAsync();
        await contract.Accept("coop.tester");

        await using (await fixture.FailWritesToAsync(contract))
            await Assert.ThrowsAnyAsync<OrleansException>(() => Audited.As("offtake.deliver", Resource, contract.GetPrimaryKeyString(),
                () => contract.RecordDelivery(new("PZ-0604", new(2026, 6, 4), 50m, 280), "coop.tester")));

        Assert.Empty(await EntriesOf(contract));
        var line = Assert.Single(await ListOf(enterprise));
        Assert.Equal((OfftakeStatus.Active, 0m), (line.Status, line.DeliveredQuantity));
        Assert.Empty((await contract.Get()).Settlement.Deliveries);
    }

    [Fact]
    public async Task AcceptedContractSettlesDeliveriesAgainstTheFloor()
    {
        var (enterprise, cooperative, contract) = await ProposedAsync();

        await contract.Accept("coop.tester");
        await contract.RecordDelivery(new("PZ-0601", new(2026, 6, 5), 2_000m, 250), "coop.tester");
        await contract.RecordDelivery(new("PZ-0602", new(2026, 6, 12), 1_000m, 420, "涨价"), "ent.tester");
        await fixture.Cluster.DeactivateAsync(contract);
        var view = await contract.Get();

        Assert.Equal(OfftakeStatus.Active, view.Status);
        Assert.Equal("单果10克以上", view.Terms.Specification);
        Assert.Equal([OfftakeStatus.Proposed, OfftakeStatus.Active], view.History.Select(h => h.Status));
        Assert.Equal(["ent.tester", "coop.tester"], view.History.Select(h => h.Actor));
        var s = view.Settlement;
        Assert.Equal([300L, 420L], s.Deliveries.Select(d => d.PaidPriceFen));
        Assert.Equal(600_000 + 420_000, s.PaidFen);
        Assert.Equal(100_000, s.FloorTopUpFen);
        Assert.Equal(7_000m, s.RemainingQuantity);
        Assert.Equal(0m, s.ShortfallQuantity);
        Assert.Equal(new DateOnly(2026, 6, 16), view.AsOf);

        var enterpriseList = await ListOf(enterprise);
        var cooperativeList = await ListOf(cooperative);
        var line = Assert.Single(enterpriseList);
        Assert.Equal([line], cooperativeList);
        Assert.Equal((view.Id, OfftakeStatus.Active, 3_000m), (line.Id, line.Status, line.DeliveredQuantity));
        Assert.Equal((Terms.Product, Terms.DeliveryStart, Terms.DeliveryEnd, Terms.Quantity), (line.Product, line.DeliveryStart, line.DeliveryEnd, line.Quantity));
    }

    [Fact]
    public async Task ADeliveryRecordedTwiceCountsOnceAndAReusedReferenceIsRefused()
    {
        var (_, _, contract) = await ProposedAsync();
        await contract.Accept("coop.tester");
        var delivery = new OfftakeDelivery("PZ-0605", new(2026, 6, 5), 500m, 280);

        await contract.RecordDelivery(delivery, "coop.tester");
        var again = await contract.RecordDelivery(delivery with { Reference = " PZ-0605 " }, "coop.tester");
        await GrainAssert.RefusedAsync(() => contract.RecordDelivery(delivery with { Quantity = 600m }, "coop.tester"), "offtake.reference-reused");

        Assert.Equal(500m, again.Settlement.DeliveredQuantity);
        Assert.Single(again.Settlement.Deliveries);
        Assert.Equal(3, await fixture.StoredVersionAsync("offtake-contract", contract)); // proposed, accepted, one delivery
    }

    [Fact]
    public async Task DeliveriesNeedAnActiveContractInsideTheWindowAndWithinTolerance()
    {
        var (_, _, contract) = await ProposedAsync(Terms with { OverDeliveryToleranceBasisPoints = 500 });

        await GrainAssert.RefusedAsync(() => contract.RecordDelivery(new("PZ-1", new(2026, 6, 5), 1m, 250), "coop.tester"), "offtake.illegal-transition");
        await contract.Accept("coop.tester");
        await GrainAssert.RefusedAsync(() => contract.RecordDelivery(new("PZ-2", new(2026, 5, 31), 1m, 250), "coop.tester"), "offtake.outside-window");
        await GrainAssert.InvalidAsync(() => contract.RecordDelivery(new("PZ-3", new(2026, 6, 17), 1m, 250), "coop.tester"), "date");
        await contract.RecordDelivery(new("PZ-4", new(2026, 6, 6), 10_500m, 250), "coop.tester");
        await GrainAssert.RefusedAsync(() => contract.RecordDelivery(new("PZ-5", new(2026, 6, 7), 0.001m, 250), "coop.tester"), "offtake.over-delivery");

        Assert.Equal(10_500m, (await contract.Get()).Settlement.DeliveredQuantity);
    }

    [Fact]
    public async Task CompletingInsideTheWindowNeedsTheFullQuantityWhileTerminatingShowsTheShortfall()
    {
        var (enterprise, _, contract) = await ProposedAsync();
        await contract.Accept("coop.tester");
        await contract.RecordDelivery(new("PZ-0610", new(2026, 6, 10), 4_000m, 320), "coop.tester");

        await GrainAssert.RefusedAsync(() => contract.Complete("ent.tester"), "offtake.window-open");
        await GrainAssert.InvalidAsync(() => contract.Terminate("ent.tester", " "), "reason");
        var ended = await contract.Terminate("ent.tester", "冰雹减产，双方协商提前终止");

        Assert.Equal(OfftakeStatus.Terminated, ended.Status);
        Assert.Equal("冰雹减产，双方协商提前终止", ended.History[^1].Reason);
        Assert.True(ended.Settlement.WindowClosed);
        Assert.Equal(6_000m, ended.Settlement.ShortfallQuantity);
        Assert.Equal(1_800_000, ended.Settlement.ShortfallAtFloorFen);
        Assert.Equal(OfftakeStatus.Terminated, Assert.Single(await ListOf(enterprise)).Status);
        await GrainAssert.RefusedAsync(() => contract.Accept("coop.tester"), "offtake.illegal-transition");
    }

    [Fact]
    public async Task FullyDeliveredContractCompletesEarly()
    {
        var (_, _, contract) = await ProposedAsync(Terms with { Quantity = 100m });
        await contract.Accept("coop.tester");
        await contract.RecordDelivery(new("PZ-0611", new(2026, 6, 11), 100m, 250), "coop.tester");

        var done = await contract.Complete("ent.tester");

        Assert.Equal(OfftakeStatus.Completed, done.Status);
        Assert.Equal(0m, done.Settlement.ShortfallQuantity);
    }

    [Fact]
    public async Task ProposalNamingUnknownPartiesOrBadTermsIsInvalid()
    {
        var enterprise = Samples.EnterpriseId();
        await _client.GetGrain<IEnterpriseGrain>(enterprise).Register(Samples.Enterprise());
        var contract = _client.GetGrain<IOfftakeContractGrain>(Ids.New(Ids.OfftakeContract));

        await GrainAssert.InvalidAsync(() => contract.Propose(new(enterprise, Samples.CooperativeId(), Terms), "t"), "cooperativeId");
        await GrainAssert.InvalidAsync(() => contract.Propose(new(enterprise, "pzcili", Terms), "t"), "cooperativeId");
        await GrainAssert.InvalidAsync(() => contract.Propose(new(enterprise, Samples.CooperativeId(), Terms with { FloorPriceFen = 0 }), "t"), "floorPriceFen");
        Assert.False(await contract.Exists());
        await GrainAssert.NotFoundAsync(contract.Get, "offtake-contract", contract.GetPrimaryKeyString());
    }
}
