using System.Collections.Immutable;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Photos;

/// <summary>
/// A listing's photos in display order; the first is the cover. Small and bounded (<see cref="MaxPhotos"/>), so it lives in
/// the listing's state. Each rule refuses with a rule code and changes nothing.
/// </summary>
public static class PhotoAlbum
{
    public const int MaxPhotos = 9;

    public static ImmutableList<Photo> Add(ImmutableList<Photo> photos, Photo photo)
    {
        if (!Photo.IsWellFormedId(photo.Id) || photo.Width <= 0 || photo.Height <= 0)
            throw ValidationFailedException.For("photo", "is not a stored photo.");
        if (photos.Any(p => p.Id == photo.Id))
            throw new RuleViolationException("photo.duplicate", "The listing already has this photo.");
        if (photos.Count >= MaxPhotos)
            throw new RuleViolationException("photo.too-many", $"A listing has at most {MaxPhotos} photos; delete one first.");
        return photos.Add(photo);
    }

    public static ImmutableList<Photo> Remove(ImmutableList<Photo> photos, string photoId) =>
        photos.Remove(Find(photos, photoId));

    /// <summary>The cover goes first; the others keep their order.</summary>
    public static ImmutableList<Photo> Cover(ImmutableList<Photo> photos, string photoId)
    {
        var cover = Find(photos, photoId);
        return photos.Remove(cover).Insert(0, cover);
    }

    /// <summary>A new order: exactly the listing's photo ids, each once.</summary>
    public static ImmutableList<Photo> Arrange(ImmutableList<Photo> photos, IReadOnlyList<string> order)
    {
        var byId = photos.ToDictionary(p => p.Id, StringComparer.Ordinal);
        if (order.Count != photos.Count || order.Distinct(StringComparer.Ordinal).Count() != order.Count || !order.All(byId.ContainsKey))
            throw ValidationFailedException.For("order", "must list each of the listing's photo ids exactly once.");
        return [.. order.Select(id => byId[id])];
    }

    private static Photo Find(ImmutableList<Photo> photos, string photoId) =>
        photos.FirstOrDefault(p => p.Id == photoId) ?? throw new NotFoundException("photo", photoId);
}
