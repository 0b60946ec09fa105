using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;

namespace AgriLink.Grains.Tests;

/// <summary>
/// Only an admitted cooperative publishes and sells. Tests that need to sell register their cooperative with
/// <see cref="AdmittedCooperative"/>, which walks the whole admission path (apply, county recommends, platform approves).
/// </summary>
internal static class AdmissionSteps
{
    public static async Task<string> AdmittedCooperative(this IClusterClient client, CooperativeProfile? profile = null)
    {
        var id = Samples.CooperativeId();
        await client.GetGrain<ICooperativeGrain>(id).Register(profile ?? Samples.Cooperative());
        await client.Admit(id);
        return id;
    }

    public static async Task Admit(this IClusterClient client, string cooperativeId)
    {
        var admission = client.GetGrain<ICooperativeAdmissionGrain>(cooperativeId);
        await admission.Apply("coop.admin");
        await admission.Recommend("county.officer");
        await admission.Approve("operator");
    }
}
