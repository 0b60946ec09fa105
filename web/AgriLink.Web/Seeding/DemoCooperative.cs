using AgriLink.Domain.Cooperatives;

namespace AgriLink.Web.Seeding;

/// <summary>
/// A demo cooperative with the village it sits in and the households that belong to it. <see cref="TownshipCode"/> is the
/// township's 9-digit 统计用区划代码; the villages' 12-digit codes are it and 201, 202, … in the order of <see cref="Villages"/>.
/// </summary>
public sealed record DemoCooperative(string Id, CooperativeProfile Profile, string Township, string CollectiveId, string[] Villages, string TownshipCode)
{
    public string VillageCode(string village) => TownshipCode + (201 + Array.IndexOf(Villages, village)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
