using System.Collections.Immutable;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Photos;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Photos;

public sealed class PhotoAlbumTests
{
    private static Photo P(int n) => new(n.ToString("x32"), 800, 600);

    private static ImmutableList<Photo> Album(int count) => [.. Enumerable.Range(1, count).Select(P)];

    [Fact]
    public void AddingGoesLastAndTheNinthIsTheLast()
    {
        var album = PhotoAlbum.Add(Album(8), P(9));

        Assert.Equal(P(9), album[^1]);
        var tenth = Assert.Throws<RuleViolationException>(() => PhotoAlbum.Add(album, P(10)));
        Assert.Equal("photo.too-many", tenth.Code);
    }

    [Fact]
    public void TheSamePhotoTwiceAndAnIdThatIsNoHashAreRefused()
    {
        Assert.Equal("photo.duplicate", Assert.Throws<RuleViolationException>(() => PhotoAlbum.Add(Album(2), P(2))).Code);
        Assert.Throws<ValidationFailedException>(() => PhotoAlbum.Add(Album(0), new Photo("../../etc/passwd", 1, 1)));
        Assert.Throws<ValidationFailedException>(() => PhotoAlbum.Add(Album(0), new Photo(new string('a', 32), 0, 10)));
    }

    [Fact]
    public void TheCoverMovesFirstAndTheOthersKeepTheirOrder() =>
        Assert.Equal([P(3), P(1), P(2), P(4)], PhotoAlbum.Cover(Album(4), P(3).Id));

    [Fact]
    public void RemovingAnUnknownPhotoIsNotFound() =>
        Assert.Throws<NotFoundException>(() => PhotoAlbum.Remove(Album(3), P(7).Id));

    [Fact]
    public void AnArrangementMustNameEveryPhotoOnce()
    {
        var album = Album(3);

        Assert.Throws<ValidationFailedException>(() => PhotoAlbum.Arrange(album, [P(1).Id, P(2).Id]));
        Assert.Throws<ValidationFailedException>(() => PhotoAlbum.Arrange(album, [P(1).Id, P(1).Id, P(2).Id]));
        Assert.Throws<ValidationFailedException>(() => PhotoAlbum.Arrange(album, [P(1).Id, P(2).Id, P(9).Id]));
    }

    [Fact]
    public void AnyPermutationIsTakenAsGiven() =>
        Gen.Int[0, PhotoAlbum.MaxPhotos].SelectMany(n => Gen.Shuffle(Enumerable.Range(1, n).ToArray()).Select(order => (n, order)))
            .Sample(t =>
            {
                var arranged = PhotoAlbum.Arrange(Album(t.n), [.. t.order.Select(i => P(i).Id)]);
                Assert.Equal(t.order.Select(P), arranged);
            });
}
