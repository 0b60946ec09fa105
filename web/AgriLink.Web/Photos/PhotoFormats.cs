namespace AgriLink.Web.Photos;

/// <summary>The sizes and formats every photo is kept in, and the keys and URLs that name them.</summary>
public static class PhotoFormats
{
    public const string WebP = "image/webp";
    public const string Jpeg = "image/jpeg";

    /// <summary>Widths in CSS pixels' worth of image: a market card, the listing page, and the page on a 2× screen.</summary>
    public const int Card = 320, Page = 800, Page2X = 1600;

    public static readonly int[] TargetWidths = [Card, Page, Page2X];

    /// <summary>The widths kept for a photo: never wider than the photo itself (no upscaling), each once.</summary>
    public static IReadOnlyList<int> WidthsFor(int width) => TargetWidths.Select(w => Math.Min(w, width)).Distinct().ToList();

    /// <summary>The kept width closest to <paramref name="wanted"/> from above (or the largest kept).</summary>
    public static int WidthFor(int photoWidth, int wanted) =>
        WidthsFor(photoWidth).FirstOrDefault(w => w >= wanted, WidthsFor(photoWidth)[^1]);

    public static int HeightAt(Domain.Photos.Photo photo, int width) =>
        Math.Max(1, (int)Math.Round((double)photo.Height * width / photo.Width, MidpointRounding.AwayFromZero));

    /// <summary>The folder of public photos, served by <c>/media/photos</c> to anyone.</summary>
    public const string Public = "photos";

    /// <summary>The folder of visits' photos (走访): never under <see cref="Public"/>, served only to whom may read the visit.</summary>
    public const string Visits = "visits";

    public static string Key(string photoId, int width, string contentType, string root = Public) =>
        $"{root}/{photoId}/{width}.{(contentType == WebP ? "webp" : "jpg")}";

    public static IEnumerable<string> Keys(Domain.Photos.Photo photo, string root = Public) =>
        WidthsFor(photo.Width).SelectMany(w => new[] { Key(photo.Id, w, WebP, root), Key(photo.Id, w, Jpeg, root) });

    /// <summary>The URL of one file: content-hashed (the id), so it is served as immutable.</summary>
    public static string Url(string photoId, int width, string contentType) => "/media/" + Key(photoId, width, contentType);

    public static string SrcSet(Domain.Photos.Photo photo, string contentType) =>
        string.Join(", ", WidthsFor(photo.Width).Select(w => $"{Url(photo.Id, w, contentType)} {w}w"));

    public static string ContentTypeOf(string key) =>
        key.EndsWith(".webp", StringComparison.Ordinal) ? WebP
        : key.EndsWith(".jpg", StringComparison.Ordinal) ? Jpeg
        : key.EndsWith(".png", StringComparison.Ordinal) ? "image/png"
        : "application/octet-stream";
}
