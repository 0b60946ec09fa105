using AgriLink.Domain.Errors;

namespace AgriLink.Web.Apis;

public static class Paging
{
    public const int MaxLimit = 200;

    /// <summary>The page size asked for, refused with a problem response when out of range.</summary>
    public static int Limit(int? limit, int fallback = 50)
    {
        var l = limit ?? fallback;
        new Validator().Range("limit", l, 1, MaxLimit).ThrowIfInvalid();
        return l;
    }

    /// <summary>A projection's page as the API answers it.</summary>
    public static Page<T> From<T>(Grains.Projections.ListPage<T> page, Grains.Projections.PageRequest request) =>
        new(page.Items, page.Total, request.Offset, request.Limit, page.Next);
}
