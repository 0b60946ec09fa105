using AgriLink.Domain.Errors;

namespace AgriLink.Grains.Projections;

/// <summary>
/// Which page of a list: after the key <see cref="After"/> (keyset paging, stable while rows are added: the way to walk a
/// long list), else skipping <see cref="Offset"/> rows (kept for the clients that page by number).
/// </summary>
public sealed record PageRequest(int Offset, int Limit, string? After)
{
    public const int MaxLimit = 200;

    /// <summary>The request from query values, refused with a problem response when out of range.</summary>
    public static PageRequest Of(int? offset, int? limit, string? after, int fallbackLimit = 50)
    {
        var (o, l) = (offset ?? 0, limit ?? fallbackLimit);
        new Validator()
            .Range("offset", o, 0, int.MaxValue)
            .Range("limit", l, 1, MaxLimit)
            .Check(after is null || (after.Length is > 0 and <= 200), "after", "must be the next key a previous page gave.")
            .ThrowIfInvalid();
        return new PageRequest(after is null ? o : 0, l, after);
    }
}

/// <summary>A page of a list: its rows, how many rows the whole list has, and the key to pass as <c>after</c> for the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, string? Next);
