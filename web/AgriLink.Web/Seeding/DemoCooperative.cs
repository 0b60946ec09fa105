using AgriLink.Domain.Cooperatives;

namespace AgriLink.Web.Seeding;

/// <summary>A demo cooperative with the village it sits in and the households that belong to it.</summary>
public sealed record DemoCooperative(string Id, CooperativeProfile Profile, string Township, string CollectiveId, string[] Villages);
