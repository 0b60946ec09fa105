using AgriLink.Grains.Directory;
using AgriLink.Grains.Projections;

namespace AgriLink.Grains.Tests.Projections;

/// <summary>The names of the lists the projections answer, as the directory grains had them.</summary>
public static class DirectoryKinds
{
    public const string Cooperatives = "cooperatives";
    public const string Households = "households";
    public const string Enterprises = "enterprises";
    public const string VillageCollectives = "village-collectives";
    public const string Buyers = "buyers";
    public const string Listings = "listings";
}

/// <summary>One whole list (every page, by keyset) and its total, read through <see cref="DirectoryQueries"/>.</summary>
public sealed class ProjectedList(DirectoryQueries lists, string kind)
{
    public async Task<IReadOnlyList<DirectoryEntry>> List()
    {
        var all = new List<DirectoryEntry>();
        for (string? after = null; ;)
        {
            var page = await Page(new PageRequest(0, PageRequest.MaxLimit, after));
            all.AddRange(page.Items);
            if ((after = page.Next) is null) return all;
        }
    }

    public async Task<int> Count() => (await Page(new PageRequest(0, 1, null))).Total;

    private Task<ListPage<DirectoryEntry>> Page(PageRequest page) => kind switch
    {
        DirectoryKinds.Cooperatives => lists.Cooperatives(null, page),
        DirectoryKinds.Households => lists.Households(null, null, null, page),
        DirectoryKinds.Enterprises => lists.Enterprises(null, page),
        DirectoryKinds.VillageCollectives => lists.VillageCollectives(null, page),
        DirectoryKinds.Buyers => lists.Buyers(null, page),
        _ => lists.Listings(null, null, null, null, page),
    };
}
