namespace AgriLink.Domain.Photos;

/// <summary>
/// A stored photo: <see cref="Id"/> is its content hash (the same bytes for the same owner give the same id), so every URL made
/// from it names content that never changes. <see cref="Width"/> and <see cref="Height"/> are the largest size kept, upright.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Photo")]
public sealed record Photo(
    [property: Id(0)] string Id,
    [property: Id(1)] int Width,
    [property: Id(2)] int Height)
{
    /// <summary>Ids are lower-case hex of this length (a SHA-256 prefix: 128 bits).</summary>
    public const int IdLength = 32;

    public static bool IsWellFormedId(string? id) =>
        id is { Length: IdLength } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
