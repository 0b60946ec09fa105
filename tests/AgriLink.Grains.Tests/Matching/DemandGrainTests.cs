using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Matching;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Tests.Audit;
using AgriLink.Grains.Tests.Live;
using AgriLink.Storage.Audit;
using AgriLink.Storage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AgriLink.Grains.Tests.Matching;

/// <summary>
/// Demands are posted, listed, changed and closed; a listing that is published or restocked commits a
/// <c>listing.available</c> event with the write, and the matcher that follows it (a web node's outbox follower; here run
/// over the outbox by the test) leaves a stored notification on each open demand it matches and tells its buyer live
/// (<c>match.found</c> to <c>buyer:{id}</c>).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DemandGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private static DemandSpec Cili(string[]? keywords = null, ProduceCategory category = ProduceCategory.Fruit) =>
        new("食堂鲜刺梨", category, keywords ?? ["刺梨"], 500, Unit.Jin, ClusterFixture.Today.AddDays(20), "440103", MaxPriceFen: 800);

    /// <summary>Fresh 刺梨 still good through the demand's delivery date.</summary>
    private static ListingDraft FreshCili(decimal stock = 8000) => Samples.Listing(stock) with { HarvestDate = ClusterFixture.Today.AddDays(-2), ShelfLifeDays = 60 };

    private async Task<string> Buyer()
    {
        var id = Samples.BuyerId();
        await _client.GetGrain<IBuyerGrain>(id).Register(Samples.Buyer());
        return id;
    }

    private async Task<(string Buyer, IDemandGrain Demand)> Posted(DemandSpec spec)
    {
        var buyer = await Buyer();
        var demand = _client.GetGrain<IDemandGrain>(DemandIds.New());
        await demand.Post(buyer, spec);
        return (buyer, demand);
    }

    /// <summary>The buyer's demand list: the demands' projection rows, written with each demand.</summary>
    private async Task<IReadOnlyList<DemandSummary>> Listed(string buyer) => (await fixture.Demands.OfBuyer(buyer, ClusterFixture.FirstPage)).Items;

    private SqlAuditLog Log => new(fixture.Database);

    [Fact]
    public async Task PostingAndClosingADeclaredDemandWriteTheirEntriesWithTheChange()
    {
        var buyer = await Buyer();
        var id = DemandIds.New();
        var demand = _client.GetGrain<IDemandGrain>(id);

        var posted = await Audited.As("demand.post", "demand", id, () => demand.Post(buyer, Cili()));
        await Audited.As("demand.close", "demand", id, () => demand.Close("已在线下采购"));
        await Audited.As("demand.close", "demand", id, () => demand.Close(null)); // already closed: no change, no entry

        var entries = await Log.ReadAsync(new AuditQuery(ResourceType: "demand", ResourceId: id), TestContext.Current.CancellationToken);
        Assert.Equal(["demand.close", "demand.post"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(Audited.Actor, e.Actor));
        Assert.Null(entries[1].Before);
        Assert.Equal((posted.Id, "Open"), ((string)JsonNode.Parse(entries[1].After!)!["id"]!, (string)JsonNode.Parse(entries[1].After!)!["status"]!));
        Assert.Equal("Open", (string)JsonNode.Parse(entries[0].Before!)!["status"]!);
        Assert.Equal(("Closed", "已在线下采购"), ((string)JsonNode.Parse(entries[0].After!)!["status"]!, (string)JsonNode.Parse(entries[0].After!)!["closeReason"]!));
    }

    [Fact]
    public async Task ARefusedCloseWritesNoEntryAndLeavesTheListedRow()
    {
        var (buyer, demand) = await Posted(Cili());
        var id = demand.GetPrimaryKeyString();

        await using (await fixture.FailWritesToAsync(demand))
            await Assert.ThrowsAnyAsync<OrleansException>(() => Audited.As("demand.close", "demand", id, () => demand.Close(null)));

        Assert.Empty(await Log.ReadAsync(new AuditQuery(ResourceType: "demand", ResourceId: id), TestContext.Current.CancellationToken));
        var listed = Assert.Single(await Listed(buyer));
        Assert.Equal((DemandStatus.Open, 1), (listed.Status, listed.Revision));
        Assert.Equal(DemandStatus.Open, (await demand.Get()).Status);
    }

    private async Task<IListingGrain> Draft(ListingDraft draft)
    {
        var cooperative = await _client.AdmittedCooperative();
        var listing = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await listing.Create(cooperative, draft);
        return listing;
    }

    /// <summary>The listing's <c>listing.available</c> events as committed in the outbox, oldest first.</summary>
    private async Task<IReadOnlyList<OutboxRecord>> Announced(IListingGrain listing) =>
        (await new OutboxStore(fixture.Database).ReadTopicAfterAsync(ListingAvailable.Topic, 0, OutboxStore.MaxBatch, TestContext.Current.CancellationToken))
            .Where(e => e.Resource == $"listing:{listing.GetPrimaryKeyString()}").ToList();

    /// <summary>What a web node's follower does with the outbox: the matcher over the listing's committed events.</summary>
    private async Task Match(IListingGrain listing) =>
        await new DemandMatcher(_client, fixture.Demands, new MonitoringQueries(fixture.Database), fixture.Clock, NullLogger<DemandMatcher>.Instance)
            .HandleAsync(await Announced(listing), TestContext.Current.CancellationToken);

    [Fact]
    public async Task APublishedMatchingListingIsStoredOnTheDemandAndAnnouncedToItsBuyer()
    {
        await using var feed = await FeedRecorder.SubscribeAsync(_client);
        var (buyer, demand) = await Posted(Cili());
        var listing = await Draft(FreshCili());
        var listingId = listing.GetPrimaryKeyString();

        await listing.Publish();
        await Match(listing);
        await Match(listing);   // read again (a crash before acknowledging, or a second node): recorded once

        var notice = Assert.Single(await demand.Notifications());
        Assert.Equal((listingId, "published"), (notice.ListingId, notice.Trigger));
        Assert.InRange(notice.Score, 50m, 100m);
        Assert.Contains(notice.Components, c => c.Code == "price.within-ceiling");
        var topic = $"buyer:{buyer}";
        await feed.WaitFor(e => e.Topic == topic && e.Name == "match.found");
        var heard = Assert.Single(feed.About(topic));
        Assert.Equal($"demand:{demand.GetPrimaryKeyString()}", heard.Resource);
        var data = FeedRecorder.Data(heard);
        Assert.Equal(listingId, data.GetProperty("listingId").GetString());
        Assert.Equal(7, data.GetProperty("explanation").GetArrayLength());   // no quota component (the registry does not know it); the monitoring one (none here)
        Assert.Equal(1, (await demand.Get()).NotificationCount);
    }

    [Fact]
    public async Task RestockingNotifiesAgainButReservationsDoNot()
    {
        var (_, demand) = await Posted(Cili());
        var listing = await Draft(FreshCili(stock: 400));
        await listing.Publish();
        await Match(listing);

        await listing.Reserve("ord-matching-restock", 100, fixture.Clock.GetUtcNow().AddHours(1));
        await listing.SetStock(900);
        await Match(listing);

        Assert.Equal(["published", "restocked"], (await Announced(listing)).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("trigger").GetString()));
        var notices = await demand.Notifications();
        Assert.Equal(["restocked", "published"], notices.Select(n => n.Trigger));
        Assert.True(notices[0].ListingVersion > notices[1].ListingVersion);
    }

    [Fact]
    public async Task AListingOfAnotherCategoryOrWithoutTheKeywordsLeavesTheDemandAlone()
    {
        var (_, tea) = await Posted(Cili(["绿茶"], ProduceCategory.Tea));
        var (_, kiwi) = await Posted(Cili(["猕猴桃"]));
        var (_, cili) = await Posted(Cili());
        var listing = await Draft(FreshCili());

        await listing.Publish();
        await Match(listing);

        Assert.Single(await cili.Notifications());
        Assert.Empty(await tea.Notifications());
        Assert.Empty(await kiwi.Notifications());
    }

    [Fact]
    public async Task AClosedDemandIsListedAsClosedAndHearsNothingMore()
    {
        var (buyer, demand) = await Posted(Cili());
        var id = demand.GetPrimaryKeyString();
        await demand.Update(Cili() with { Quantity = 800 });

        var closed = await demand.Close("已在线下采购");
        var again = await demand.Close(null);

        Assert.Equal((DemandStatus.Closed, 3, "已在线下采购"), (closed.Status, closed.Revision, closed.CloseReason));
        Assert.Equal((closed.Status, closed.Revision, closed.ClosedAt), (again.Status, again.Revision, again.ClosedAt));
        var listed = Assert.Single(await Listed(buyer));
        Assert.Equal((id, DemandStatus.Closed, 800m, 3, Unit.Jin), (listed.DemandId, listed.Status, listed.Quantity, listed.Revision, listed.Unit));
        Assert.Equal((Cili().Title, Cili().DeliverBy), (listed.Title, listed.DeliverBy));
        await GrainAssert.RefusedAsync(() => demand.Update(Cili()), "demand.closed");
        Assert.False(await demand.RecordMatch(new DemandNotification("lst-x", "coop-x", "刺梨", "published", 90, [], 3, fixture.Clock.GetUtcNow())));
        Assert.Empty(await demand.Notifications());
    }

    [Fact]
    public async Task TheMatcherReadsADemandsLatestCriteriaAndForgetsItOnceClosed()
    {
        var (_, demand) = await Posted(Cili(["猕猴桃"]));
        await demand.Update(Cili());                       // now for 刺梨
        var first = await Draft(FreshCili());
        await first.Publish();
        await Match(first);
        Assert.Equal(first.GetPrimaryKeyString(), Assert.Single(await demand.Notifications()).ListingId);

        await demand.Close("够了");
        var second = await Draft(FreshCili());
        await second.Publish();
        await Match(second);

        Assert.Single(await demand.Notifications());
        Assert.DoesNotContain(demand.GetPrimaryKeyString(), (await fixture.Demands.Open(nameof(ProduceCategory.Fruit), "", 10_000)).Select(r => r.DemandId));
    }

    [Fact]
    public async Task TheSameListingVersionIsRecordedOnce()
    {
        var (_, demand) = await Posted(Cili());
        var notice = new DemandNotification("lst-once", "coop-x", "刺梨", "published", 90, [], 7, fixture.Clock.GetUtcNow());

        Assert.True(await demand.RecordMatch(notice));
        Assert.False(await demand.RecordMatch(notice with { Score = 10 }));
        Assert.Equal(90, Assert.Single(await demand.Notifications()).Score);
    }

    [Fact]
    public async Task BadDemandsAndUnknownBuyersAreRefused()
    {
        var buyer = await Buyer();
        var demand = _client.GetGrain<IDemandGrain>(DemandIds.New());
        await GrainAssert.InvalidAsync(() => demand.Post(buyer, Cili() with { Quantity = 0, DeliverBy = ClusterFixture.Today.AddDays(-1) }), "quantity", "deliverBy");
        await GrainAssert.InvalidAsync(() => demand.Post(buyer, Cili() with { Category = null, Keywords = null }), "category");
        await GrainAssert.InvalidAsync(() => demand.Post(Samples.BuyerId(), Cili()), "buyerId");
        Assert.False(await demand.Exists());
    }

    [Theory]
    [InlineData(ListingStatus.Draft, 10, ListingStatus.Active, 10, 0, "published")]
    [InlineData(ListingStatus.Paused, 10, ListingStatus.Active, 10, 0, "published")]
    [InlineData(ListingStatus.SoldOut, 0, ListingStatus.Active, 10, 0, "restocked")]
    [InlineData(ListingStatus.Active, 10, ListingStatus.Active, 20, 0, "restocked")]
    [InlineData(ListingStatus.Active, 10, ListingStatus.Active, 5, 5, null)]      // a reservation moves stock into a hold
    [InlineData(ListingStatus.Active, 10, ListingStatus.Paused, 10, 0, null)]
    public void OnlyGoingOnSaleOrMoreStockAnnouncesAListing(ListingStatus before, int stockBefore, ListingStatus after, int stockAfter, int heldAfter, string? trigger)
    {
        ListingState State(ListingStatus status, int stock, int held) => new()
        {
            CooperativeId = "coop-x", Status = status, Draft = FreshCili(stock),
            Holds = held == 0 ? ImmutableDictionary<string, ReservedLine>.Empty
                : ImmutableDictionary<string, ReservedLine>.Empty.Add("ord-x", new ReservedLine("lst-x", "coop-x", "刺梨", Unit.Jin, 650, held, 650 * held, false, [], "520281", DateTimeOffset.MaxValue)),
        };
        Assert.Equal(trigger, ListingAvailable.Trigger(State(before, stockBefore, 0), State(after, stockAfter, heldAfter)));
    }
}
