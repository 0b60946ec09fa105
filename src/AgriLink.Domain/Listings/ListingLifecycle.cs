using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Listings;

/// <summary>draft → active ⇄ paused, active ⇄ sold out (by stock), anything → archived (final).</summary>
public static class ListingLifecycle
{
    public static ListingStatus Publish(ListingStatus from, decimal stock) => from switch
    {
        ListingStatus.Draft or ListingStatus.Paused => stock > 0 ? ListingStatus.Active : ListingStatus.SoldOut,
        _ => throw Illegal(from, "publish"),
    };

    public static ListingStatus Pause(ListingStatus from) => from switch
    {
        ListingStatus.Active or ListingStatus.SoldOut => ListingStatus.Paused,
        _ => throw Illegal(from, "pause"),
    };

    public static ListingStatus Archive(ListingStatus from) =>
        from == ListingStatus.Archived ? throw Illegal(from, "archive") : ListingStatus.Archived;

    /// <summary>Stock changes move a live listing between active and sold out; other states keep theirs.</summary>
    public static ListingStatus AfterStockChange(ListingStatus from, decimal stock) => from switch
    {
        ListingStatus.Active when stock == 0 => ListingStatus.SoldOut,
        ListingStatus.SoldOut when stock > 0 => ListingStatus.Active,
        ListingStatus.Archived => throw Illegal(from, "change the stock of"),
        _ => from,
    };

    private static RuleViolationException Illegal(ListingStatus from, string verb) =>
        new("listing.illegal-transition", $"Cannot {verb} a listing that is {from}.");
}
