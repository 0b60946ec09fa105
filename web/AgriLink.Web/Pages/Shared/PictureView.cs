using AgriLink.Domain.Photos;
using AgriLink.Web.Photos;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// A photo as <c>_Picture</c> draws it: WebP for browsers that take it, JPEG otherwise, the size the browser needs out of
/// the kept ones (<paramref name="Sizes"/>), and explicit width and height (<paramref name="Width"/> CSS pixels wide, the
/// photo's own proportions), so the page keeps its place for it and nothing moves when it arrives.
/// </summary>
public sealed record PictureView(Photo Photo, string Alt, int Width, string Sizes, bool Lazy = true)
{
    public int Height => PhotoFormats.HeightAt(Photo, Width);

    public string WebPSet => PhotoFormats.SrcSet(Photo, PhotoFormats.WebP);

    public string JpegSet => PhotoFormats.SrcSet(Photo, PhotoFormats.Jpeg);

    public string JpegSource => PhotoFormats.Url(Photo.Id, PhotoFormats.WidthFor(Photo.Width, Width), PhotoFormats.Jpeg);
}
