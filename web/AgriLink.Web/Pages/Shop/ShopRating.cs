namespace AgriLink.Web.Pages.Shop;

/// <summary>
/// A cooperative's rating as its shop page shows it (<c>_ShopRating</c>): the average of its reviews' scores and how many.
/// There are no reviews yet, so every shop has none and the page says 暂无评价; the reviews of delivered sub-orders (issue 17,
/// "After delivery") fill this from their projection.
/// </summary>
public sealed record ShopRating(decimal Average, int Count);
