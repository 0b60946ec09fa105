using AgriLink.Domain.Listings;

namespace AgriLink.Grains.Listings;

[Alias("AgriLink.IListingGrain")]
public interface IListingGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<ListingDetails> Create(string cooperativeId, ListingDraft draft);
    [Alias("Get")] Task<ListingDetails> Get();

    /// <summary>
    /// What the order <paramref name="orderId"/> would meet now (read-only; the working state, so stock already promised
    /// to reservations waiting for their write counts as gone): lets a sold-out flash sale refuse late buyers cheaply, but
    /// never the retry of an order whose stock the listing already holds.
    /// </summary>
    [Alias("Availability"), Orleans.Concurrency.AlwaysInterleave] Task<ListingAvailability> Availability(string? orderId);
    [Alias("Exists")] Task<bool> Exists();

    /// <summary>The number of the listing's latest stored write (its events carry it; 0 before any): the search document's version.</summary>
    [Alias("Sequence")] Task<long> Sequence();
    [Alias("Update")] Task<ListingDetails> Update(ListingDraft draft);
    [Alias("Publish")] Task<ListingDetails> Publish();
    [Alias("Pause")] Task<ListingDetails> Pause();
    [Alias("Archive")] Task<ListingDetails> Archive();
    [Alias("SetStock")] Task<ListingDetails> SetStock(decimal stock);

    /// <summary>
    /// Adds a photo whose files are already stored (the caller writes them first and deletes them if this refuses). Refused
    /// when archived, when the listing has the photo already or holds <c>PhotoAlbum.MaxPhotos</c>.
    /// </summary>
    [Alias("AddPhoto")] Task<ListingDetails> AddPhoto(Domain.Photos.Photo photo);
    [Alias("RemovePhoto")] Task<ListingDetails> RemovePhoto(string photoId);
    [Alias("SetCoverPhoto")] Task<ListingDetails> SetCoverPhoto(string photoId);
    [Alias("ArrangePhotos")] Task<ListingDetails> ArrangePhotos(IReadOnlyList<string> order);

    /// <summary>Grants 扶贫产品认定 (platform administrators only: the caller checks). Refused when already certified or archived.</summary>
    [Alias("GrantPovertyCertification")] Task<ListingDetails> GrantPovertyCertification(PovertyCertification certification, string grantedBy);

    /// <summary>Revokes 扶贫产品认定 with a reason; reservations from then on are not certified. Refused when not certified.</summary>
    [Alias("RevokePovertyCertification")] Task<ListingDetails> RevokePovertyCertification(string reason, string revokedBy);

    /// <summary>
    /// Holds <paramref name="quantity"/> out of stock for the order until <paramref name="holdUntil"/>, atomically:
    /// concurrent reservations never oversell. Idempotent per order: a repeat returns the same line. Refused (rule
    /// violation) when the listing is not active, its cooperative may not sell, the quantity is below the minimum
    /// order or above the stock. When a hold runs out unconfirmed, the listing asks the order
    /// (<c>IOrderGrain.ReservationExpiring</c>) whether to confirm or release it.
    /// </summary>
    [Alias("Reserve")] Task<ReservedLine> Reserve(string orderId, decimal quantity, DateTimeOffset holdUntil);

    /// <summary>
    /// <see cref="Reserve"/>, but a refusal by the listing's status, minimum order or stock is answered
    /// (<see cref="ReserveOutcome.Refused"/>, nothing held), not thrown. Other failures still throw.
    /// </summary>
    [Alias("TryReserve")] Task<ReserveOutcome> TryReserve(string orderId, decimal quantity, DateTimeOffset holdUntil);

    /// <summary>The order is paid or confirmed: the held stock is sold for good. Idempotent; unknown orders are ignored.</summary>
    [Alias("Confirm")] Task Confirm(string orderId);

    /// <summary>Puts the order's held stock back. Idempotent; a confirmed sale is not released.</summary>
    [Alias("Release")] Task Release(string orderId);
}
