using System.Globalization;
using AgriLink.Domain.Errors;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The order of a list read newest first from a projection table: a time or date column descending, then an id column
/// (ascending, or descending where ids count up with time). A page comes after a key (keyset: an index range whatever
/// the list's length) or an offset, with the filtered total; its key is its last row's sort value and id.
/// </summary>
internal sealed record NewestFirst(string SortColumn, NewestFirst.Sort By, string IdColumn, bool IdDescending = false)
{
    public enum Sort { Time, Date }

    /// <summary>
    /// <paramref name="select"/> ends with its FROM; <paramref name="where"/> filters with the values in <paramref name="parameters"/>;
    /// <paramref name="key"/> gives an item's sort value (a <see cref="DateTimeOffset"/> or <see cref="DateOnly"/>) and id.
    /// </summary>
    public async Task<ListPage<T>> PageAsync<TRow, T>(AgriLinkDatabase database, string select, string where, DynamicParameters parameters,
        PageRequest page, Func<TRow, T> item, Func<T, (object Sort, string Id)> key)
    {
        var keyset = "";
        if (page.After is not null)
        {
            var (sort, id) = Parse(page.After);
            keyset = $" AND ({SortColumn} < @afterSort OR ({SortColumn} = @afterSort AND {IdColumn} {(IdDescending ? "<" : ">")} @afterId))";
            parameters.Add("afterSort", sort is DateOnly date ? database.Dialect.ToDbDate(date) : database.Dialect.ToDbTimestamp((DateTimeOffset)sort));
            parameters.Add("afterId", id);
        }

        parameters.Add("limit", (long)page.Limit + 1);
        parameters.Add("offset", (long)page.Offset);
        await using var connection = await database.OpenAsync();
        var items = (await connection.QueryAsync<TRow>(
                $"{select} WHERE {where}{keyset} ORDER BY {SortColumn} DESC, {IdColumn}{(IdDescending ? " DESC" : "")} LIMIT @limit OFFSET @offset", parameters))
            .Select(item).ToList();
        var from = select[select.LastIndexOf(" FROM ", StringComparison.Ordinal)..];
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*){from} WHERE {where}", parameters);

        // One row more than asked says whether a next page exists, without a second query.
        var more = items.Count > page.Limit;
        if (more) items.RemoveAt(items.Count - 1);
        return new ListPage<T>(items, (int)total, more ? Format(key(items[^1])) : null);
    }

    /// <summary>The key as text: UTC ticks or a day number, then the id.</summary>
    private static string Format((object Sort, string Id) key) => key.Sort switch
    {
        DateOnly date => $"{date.DayNumber.ToString(CultureInfo.InvariantCulture)}~{key.Id}",
        var at => $"{((DateTimeOffset)at).UtcTicks.ToString(CultureInfo.InvariantCulture)}~{key.Id}",
    };

    private (object Sort, string Id) Parse(string cursor)
    {
        var split = cursor.IndexOf('~', StringComparison.Ordinal);
        var number = split > 0 && long.TryParse(cursor.AsSpan(0, split), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        object? sort = By switch
        {
            Sort.Date when number is >= 0 and <= 3_652_058 => DateOnly.FromDayNumber((int)number),
            Sort.Time when number >= 0 && number <= DateTimeOffset.MaxValue.UtcTicks => new DateTimeOffset(number, TimeSpan.Zero),
            _ => null,
        };
        return sort is null
            ? throw ValidationFailedException.For("after", "must be the next key a previous page gave.")
            : (sort, cursor[(split + 1)..]);
    }
}
