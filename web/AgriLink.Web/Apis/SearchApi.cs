using System.Globalization;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace AgriLink.Web.Apis;

/// <summary>
/// Public listing search: published listings of admitted cooperatives (the index holds nothing else), with facets.
/// Every parameter is read here, so a bad one is a 400 problem naming it, never a binding failure.
/// </summary>
public static class SearchApi
{
    public const int MaxPageSize = ListingQuery.MaxTake;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/search").WithTags("Search");
        api.MapGet("/listings", Listings).WithName("SearchListings").AllowAnonymous().WithSummary(
            "Full-text listing search (Chinese, pinyin or English) with facets. q; category and county (repeat or comma-separate); " +
            "certified (扶贫产品认定 only); deepPoverty (深度贫困县 only); minPrice/maxPrice in fen per unit, inclusive; inStock; harvestFrom/harvestTo (yyyy-MM-dd); " +
            "sort = relevance | priceAsc | priceDesc | freshness | sales; page (from 1), pageSize (1–100).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Read from the query by hand (for refusals that name the parameter), so described here for clients.
                operation.Parameters = [.. QueryParameters()];
                return Task.CompletedTask;
            });
        return api;
    }

    private static IEnumerable<Microsoft.OpenApi.IOpenApiParameter> QueryParameters()
    {
        static Microsoft.OpenApi.OpenApiParameter P(string name, string description, Microsoft.OpenApi.JsonSchemaType type,
            string? format = null, bool many = false, IEnumerable<string>? values = null)
        {
            var schema = new Microsoft.OpenApi.OpenApiSchema { Type = type, Format = format };
            if (values is not null) schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)];
            return new()
            {
                Name = name, In = Microsoft.OpenApi.ParameterLocation.Query, Description = description,
                Schema = many ? new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Array, Items = schema } : schema,
                Explode = many, Style = many ? Microsoft.OpenApi.ParameterStyle.Form : null,
            };
        }
        const Microsoft.OpenApi.JsonSchemaType text = Microsoft.OpenApi.JsonSchemaType.String;
        const Microsoft.OpenApi.JsonSchemaType flag = Microsoft.OpenApi.JsonSchemaType.Boolean;
        const Microsoft.OpenApi.JsonSchemaType number = Microsoft.OpenApi.JsonSchemaType.Integer;
        yield return P("q", $"Words to find (Chinese, pinyin or English), at most {ListingQuery.MaxTextLength} characters.", text);
        yield return P("category", "Produce categories (repeat, or separate with commas).", text, many: true, values: Enum.GetNames<ProduceCategory>());
        yield return P("county", "GB/T 2260 county codes of origin (repeat, or separate with commas).", text, many: true);
        yield return P("certified", "Only products certified under 扶贫产品认定.", flag);
        yield return P("deepPoverty", "Only listings from 深度贫困县 (deep-poverty counties).", flag);
        yield return P("inStock", "Only listings with stock left.", flag);
        yield return P("minPrice", "Lowest price in fen per unit, inclusive.", number, "int64");
        yield return P("maxPrice", "Highest price in fen per unit, inclusive.", number, "int64");
        yield return P("harvestFrom", "Harvested on or after this date.", text, "date");
        yield return P("harvestTo", "Harvested on or before this date.", text, "date");
        yield return P("sort", "The order of the results (default relevance).", text, values: ["relevance", "priceAsc", "priceDesc", "freshness", "sales"]);
        yield return P("page", "The page, from 1 (default 1).", number, "int32");
        yield return P("pageSize", $"Results per page, 1 to {MaxPageSize} (default 20).", number, "int32");
    }

    public static async Task<Ok<ListingSearchPage>> Listings(HttpRequest request, IListingSearch search, CancellationToken ct)
    {
        var (query, page, pageSize) = Parse(request.Query);
        var result = await search.SearchAsync(query, ct);
        return TypedResults.Ok(new ListingSearchPage(result.Hits, result.Total, page, pageSize, result.Facets));
    }

    /// <summary>The 深度贫困县 (deep-poverty counties) of the region codes, for <c>deepPoverty=true</c>.</summary>
    private static readonly IReadOnlyList<string> DeepPovertyCounties =
        [.. Domain.Codes.Regions.Guizhou.Where(c => c.DeepPoverty).Select(c => c.Code)];

    internal static (ListingQuery Query, int Page, int PageSize) Parse(IQueryCollection q)
    {
        var v = new Validator();
        var text = Single(q, "q", v)?.Trim();
        v.Check(text is null || text.Length <= ListingQuery.MaxTextLength, "q", $"must be at most {ListingQuery.MaxTextLength} characters.");

        var categories = new List<string>();
        foreach (var c in Many(q, "category"))
        {
            var known = Enum.GetNames<ProduceCategory>().FirstOrDefault(n =>
                string.Equals(n, c, StringComparison.OrdinalIgnoreCase) || SearchLabels.Category(n) == c);
            if (known is null) v.Add("category", $"'{c}' is not a produce category ('{string.Join(", ", Enum.GetNames<ProduceCategory>())}').");
            else categories.Add(known);
        }
        var counties = Many(q, "county").ToList();
        foreach (var county in counties) v.County("county", county);

        var certified = Bool(q, "certified", v);
        var deepPoverty = Bool(q, "deepPoverty", v);
        var inStock = Bool(q, "inStock", v);
        var minPrice = Long(q, "minPrice", v);
        var maxPrice = Long(q, "maxPrice", v);
        v.Check(minPrice is null || maxPrice is null || minPrice <= maxPrice, "maxPrice", "must not be below minPrice.");
        var harvestFrom = Date(q, "harvestFrom", v);
        var harvestTo = Date(q, "harvestTo", v);
        v.Check(harvestFrom is null || harvestTo is null || harvestFrom <= harvestTo, "harvestTo", "must not be before harvestFrom.");

        var sortText = Single(q, "sort", v);
        var sort = ListingSort.Relevance;
        v.Check(sortText is null || (Enum.TryParse(sortText, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(sortText, out _)),
            "sort", "must be relevance, priceAsc, priceDesc, freshness or sales.");
        var page = Long(q, "page", v) ?? 1;
        var pageSize = Long(q, "pageSize", v) ?? 20;
        v.Range("pageSize", pageSize, 1, MaxPageSize);
        v.Range("page", page, 1, ListingQuery.MaxSkip / MaxPageSize + 1);
        v.Check((page - 1) * pageSize <= ListingQuery.MaxSkip, "page", $"goes past the first {ListingQuery.MaxSkip} results; narrow the search.");
        v.ThrowIfInvalid();

        var query = new ListingQuery(
            string.IsNullOrEmpty(text) ? null : text, categories.Count > 0 ? categories : null, counties.Count > 0 ? counties : null,
            certified ?? false, minPrice, maxPrice, inStock ?? false, harvestFrom, harvestTo, sort,
            (int)((page - 1) * pageSize), (int)pageSize, deepPoverty == true ? DeepPovertyCounties : null);
        return (query, (int)page, (int)pageSize);
    }

    private static string? Single(IQueryCollection q, string name, Validator v)
    {
        if (!q.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values)) return null;
        if (values.Count > 1) v.Add(name, "may be given once.");
        var value = values[0];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static IEnumerable<string> Many(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var values)
            ? values.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)
            : [];

    private static bool? Bool(IQueryCollection q, string name, Validator v) => Single(q, name, v) switch
    {
        null => null,
        var s when bool.TryParse(s, out var b) => b,
        "1" => true,
        "0" => false,
        _ => Invalid<bool?>(v, name, "must be true or false."),
    };

    private static long? Long(IQueryCollection q, string name, Validator v)
    {
        if (Single(q, name, v) is not { } s) return null;
        if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= ListingDraft.MaxPriceFen * 10) return n;
        return Invalid<long?>(v, name, "must be a whole number, 0 or more.");
    }

    private static DateOnly? Date(IQueryCollection q, string name, Validator v)
    {
        if (Single(q, name, v) is not { } s) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        return Invalid<DateOnly?>(v, name, "must be a date as yyyy-MM-dd.");
    }

    private static T Invalid<T>(Validator v, string name, string message)
    {
        v.Add(name, message);
        return default!;
    }
}

/// <summary>One page of search hits; <see cref="Total"/> and <see cref="Facets"/> count every match.</summary>
public sealed record ListingSearchPage(IReadOnlyList<ListingHit> Items, long Total, int Page, int PageSize, ListingFacets Facets);
