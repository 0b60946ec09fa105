using AgriLink.Domain.Photos;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Projections;
using AgriLink.Storage;
using AgriLink.Storage.Projections;
using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Shop;

/// <summary>
/// The listing's cover on its <c>listings</c> row (<see cref="DirectoryQueries.ListingCards"/>), on SQLite and on
/// PostgreSQL: it follows an upload, a cover change and a delete in the listing's own write, and a data folder whose rows
/// were filled before the column existed gets it from the projection rebuild at the next start.
/// </summary>
public sealed class ListingCoverColumnTests
{
    [Fact]
    public async Task TheCoverFollowsTheAlbum()
    {
        using var folder = new TempFolder();
        await FollowsTheAlbum(folder.Path, PostgresApps.Settings(database: null, seedDemo: true));
    }

    [Fact]
    public async Task TheCoverFollowsTheAlbumOnPostgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        await FollowsTheAlbum(folder.Path, PostgresApps.Settings(database, seedDemo: true));
    }

    private static Photo Fake(char c, int width, int height) => new(new string(c, Photo.IdLength), width, height);

    private static async Task FollowsTheAlbum(string folder, IReadOnlyDictionary<string, string?> settings)
    {
        string listingId;
        var first = Fake('a', 1600, 1200);
        var second = Fake('b', 900, 1200);
        await using (var app = PostgresApps.Start(folder, settings))
        {
            listingId = await PostgresApps.ActiveListing(await new DemoSignIn(app).As("coop.panzhou"));
            var queries = app.Services.GetRequiredService<DirectoryQueries>();
            var listing = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IListingGrain>(listingId);
            Assert.Null((await queries.ListingCards([listingId]))[listingId].Cover);

            await listing.AddPhoto(first);
            await listing.AddPhoto(second);
            Assert.Equal(first, (await queries.ListingCards([listingId, listingId, "lst-none"]))[listingId].Cover);

            await listing.SetCoverPhoto(second.Id);
            Assert.Equal(second, (await queries.ListingCards([listingId]))[listingId].Cover);

            await listing.RemovePhoto(second.Id);
            Assert.Equal(first, (await queries.ListingCards([listingId]))[listingId].Cover);

            await listing.RemovePhoto(first.Id);
            Assert.Null((await queries.ListingCards([listingId]))[listingId].Cover);

            await listing.AddPhoto(second);
            // As a data folder of the build before: the column empty, the tables filled for the previous projection version.
            var database = app.Services.GetRequiredService<AgriLinkDatabase>();
            await using var connection = await database.OpenAsync(Api.Ct);
            await using var clear = connection.CreateCommand();
            clear.CommandText = "UPDATE listings SET cover_photo_id = NULL, cover_width = NULL, cover_height = NULL; " +
                $"UPDATE meta SET value = '{ProjectionServiceCollectionExtensions.Version - 1}' WHERE key = '{ProjectionRebuilder.VersionKey}'";
            Assert.True(await clear.ExecuteNonQueryAsync(Api.Ct) > 1);
            Assert.Null((await queries.ListingCards([listingId]))[listingId].Cover);
        }

        await using var again = PostgresApps.Start(folder, settings);
        Assert.Equal(second, (await again.Services.GetRequiredService<DirectoryQueries>().ListingCards([listingId]))[listingId].Cover);
    }
}
