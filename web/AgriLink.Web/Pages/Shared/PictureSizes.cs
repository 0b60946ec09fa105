namespace AgriLink.Web.Pages.Shared;

/// <summary>How wide each kind of picture shows (the <c>sizes</c> attribute), so the browser fetches the kept width it needs.</summary>
public static class PictureSizes
{
    /// <summary>A market card: the whole phone width on one column, about a third of the page from 720 px.</summary>
    public const string Card = "(min-width: 720px) 320px, 100vw";

    /// <summary>The listing page's photos: the content column, at most 800 px.</summary>
    public const string Page = "(min-width: 840px) 800px, 100vw";

    public const string Thumbnail = "64px";

    /// <summary>The listing edit page's photo list.</summary>
    public const string Edit = "160px";
}
