using AgriLink.Domain.Listings;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using Xunit;

namespace AgriLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ListingGrainTests(ClusterFixture fixture)
{
    private const string IllegalTransition = "listing.illegal-transition";

    private readonly IClusterClient _client = fixture.Client;

    /// <summary>An admitted cooperative: only those may publish.</summary>
    private Task<string> RegisteredCooperativeId() => _client.AdmittedCooperative();

    private async Task<IListingGrain> Draft(decimal stock = 8000)
    {
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        await grain.Create(await RegisteredCooperativeId(), Samples.Listing(stock));
        return grain;
    }

    private async Task<IListingGrain> Active()
    {
        var grain = await Draft();
        Assert.Equal(ListingStatus.Active, (await grain.Publish()).Status);
        return grain;
    }

    [Fact]
    public async Task CreatedListingIsADraftOfItsCooperative()
    {
        var cooperativeId = await RegisteredCooperativeId();
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());

        await grain.Create(cooperativeId, Samples.Listing() with { Title = " 盘州鲜刺梨 ", Description = " " });
        var details = await grain.Get();

        Assert.Equal(grain.GetPrimaryKeyString(), details.Id);
        Assert.Equal(cooperativeId, details.CooperativeId);
        Assert.Equal(ListingStatus.Draft, details.Status);
        Assert.Equal(Samples.Listing() with { Description = null }, details.Draft);
        Assert.Equal(details.CreatedAt, details.UpdatedAt);
    }

    [Fact]
    public async Task ListingNeedsARegisteredCooperative()
    {
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());

        await GrainAssert.InvalidAsync(() => grain.Create(Samples.CooperativeId(), Samples.Listing()), "cooperativeId");

        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task InvalidDraftCreatesNothing()
    {
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        var cooperativeId = await RegisteredCooperativeId();

        await GrainAssert.InvalidAsync(
            () => grain.Create(cooperativeId, Samples.Listing() with { PriceFen = 0, MinOrder = 0, CountyCode = "520000" }),
            "priceFen", "minOrder", "countyCode");

        Assert.False(await grain.Exists());
    }

    [Fact]
    public async Task CreatingTwiceIsRefused()
    {
        var grain = await Draft();
        var original = await grain.Get();

        await GrainAssert.RefusedAsync(() => grain.Create(original.CooperativeId, Samples.Listing(title: "另一个商品")), "listing.exists");

        Assert.Equal(original.Draft, (await grain.Get()).Draft);
    }

    [Fact]
    public async Task UnknownListingIsNotFound()
    {
        var grain = _client.GetGrain<IListingGrain>(Samples.ListingId());
        var id = grain.GetPrimaryKeyString();

        await GrainAssert.NotFoundAsync(grain.Get, "listing", id);
        await GrainAssert.NotFoundAsync(grain.Publish, "listing", id);
        await GrainAssert.NotFoundAsync(() => grain.SetStock(1), "listing", id);
        await GrainAssert.NotFoundAsync(() => grain.Update(Samples.Listing()), "listing", id);
    }

    [Fact]
    public async Task PublishingADraftWithStockMakesItActive()
    {
        var grain = await Draft();

        var published = await grain.Publish();

        Assert.Equal(ListingStatus.Active, published.Status);
        Assert.Equal(ListingStatus.Active, (await grain.Get()).Status);
    }

    [Fact]
    public async Task PublishingADraftWithoutStockMakesItSoldOut()
    {
        var grain = await Draft(stock: 0);

        Assert.Equal(ListingStatus.SoldOut, (await grain.Publish()).Status);
    }

    [Fact]
    public async Task ActiveListingCannotBePublishedAgain()
    {
        var grain = await Active();

        await GrainAssert.RefusedAsync(grain.Publish, IllegalTransition);

        Assert.Equal(ListingStatus.Active, (await grain.Get()).Status);
    }

    [Fact]
    public async Task StockRunningOutAndComingBackMovesBetweenSoldOutAndActive()
    {
        var grain = await Active();

        var soldOut = await grain.SetStock(0);
        var restocked = await grain.SetStock(12.5m);

        Assert.Equal(ListingStatus.SoldOut, soldOut.Status);
        Assert.Equal(ListingStatus.Active, restocked.Status);
        Assert.Equal(12.5m, (await grain.Get()).Draft.Stock);
    }

    [Fact]
    public async Task StockChangeOnADraftKeepsItADraft()
    {
        var grain = await Draft();

        Assert.Equal(ListingStatus.Draft, (await grain.SetStock(0)).Status);
        Assert.Equal(ListingStatus.Draft, (await grain.SetStock(10)).Status);
    }

    [Fact]
    public async Task UpdateThatEmptiesTheStockSellsTheListingOut()
    {
        var grain = await Active();

        var details = await grain.Update(Samples.Listing(stock: 0, title: "盘州鲜刺梨 已售罄"));

        Assert.Equal(ListingStatus.SoldOut, details.Status);
        Assert.Equal("盘州鲜刺梨 已售罄", (await grain.Get()).Draft.Title);
    }

    [Fact]
    public async Task PausingADraftIsRefused()
    {
        var grain = await Draft();

        await GrainAssert.RefusedAsync(grain.Pause, IllegalTransition);

        Assert.Equal(ListingStatus.Draft, (await grain.Get()).Status);
    }

    [Fact]
    public async Task PausedListingCanBePublishedAgain()
    {
        var grain = await Active();

        Assert.Equal(ListingStatus.Paused, (await grain.Pause()).Status);
        Assert.Equal(ListingStatus.Active, (await grain.Publish()).Status);
    }

    [Fact]
    public async Task SoldOutListingCanBePaused()
    {
        var grain = await Draft(stock: 0);
        await grain.Publish();

        Assert.Equal(ListingStatus.Paused, (await grain.Pause()).Status);
    }

    [Fact]
    public async Task ArchivedListingCanNoLongerBeEditedRestockedOrArchived()
    {
        var grain = await Active();
        var archived = await grain.Archive();

        await GrainAssert.RefusedAsync(() => grain.Update(Samples.Listing(title: "改名")), "listing.archived");
        await GrainAssert.RefusedAsync(() => grain.SetStock(5), IllegalTransition);
        await GrainAssert.RefusedAsync(grain.Publish, IllegalTransition);
        await GrainAssert.RefusedAsync(grain.Archive, IllegalTransition);

        var details = await grain.Get();
        Assert.Equal(ListingStatus.Archived, details.Status);
        Assert.Equal(archived.Draft, details.Draft);
        Assert.Equal(archived.UpdatedAt, details.UpdatedAt);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.2345")]
    [InlineData("1000000000.001")]
    public async Task StockOutOfRangeOrTooPreciseIsRefused(string stock)
    {
        var grain = await Active();

        await GrainAssert.InvalidAsync(() => grain.SetStock(decimal.Parse(stock, System.Globalization.CultureInfo.InvariantCulture)), "stock");

        var details = await grain.Get();
        Assert.Equal(Samples.Listing().Stock, details.Draft.Stock);
        Assert.Equal(ListingStatus.Active, details.Status);
    }

    [Fact]
    public async Task StockWithThreeDecimalsIsKept()
    {
        var grain = await Active();

        await grain.SetStock(1234.567m);

        Assert.Equal(1234.567m, (await grain.Get()).Draft.Stock);
    }

    [Fact]
    public async Task InvalidUpdateLeavesTheDraftAsItWas()
    {
        var grain = await Active();
        var before = await grain.Get();

        await GrainAssert.InvalidAsync(() => grain.Update(Samples.Listing(stock: -5) with { Title = "" }), "stock", "title");

        var after = await grain.Get();
        Assert.Equal(before.Draft, after.Draft);
        Assert.Equal(before.Status, after.Status);
    }
}
