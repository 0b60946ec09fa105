using System.Globalization;
using AgriLink.Domain.Codes;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using AgriLink.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgriLink.Cluster.Tests.Infrastructure;

/// <summary>
/// A cooperative of <paramref name="members"/> farmers with cash shares whose 2025 dividend was declared and publicised
/// in January 2026, so the cluster (on the real clock) may pay it. Written into the cluster's PostgreSQL database
/// before the cluster starts, by a silo in the test process (embedded, a cluster of its own, the same service id,
/// so the same stored grain state) whose platform clock is set to 5 January 2026.
/// </summary>
public sealed class PastDeclaration(int members)
{
    public const string CooperativeId = "coop-cluster-pay";
    public const int FiscalYear = PublicisedCashDividend.FiscalYear;

    private readonly PublicisedCashDividend _scenario = new(new(
            "盘州市集群测试农民专业合作社", UnifiedSocialCreditCode.WithCheckCharacter("93" + "520281" + "MA6CL8XT3"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "杨集群", "13985812342", PublicisedCashDividend.Founded, "集群故障测试：社员的现金股分红。"),
        CooperativeId, "cp", members, Traders: 10, Preparer: "preparer", Approver: "approver");

    public int Members => _scenario.Members;

    public string LedgerKeyPrefix => $"dividend:{_scenario.Year}:";

    /// <summary>Declares it on <paramref name="database"/>; returns the total to pay in fen.</summary>
    public async Task<long> WriteAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = NodeProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = NodeProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"preparing-{Guid.NewGuid():N}",
        });
        builder.Services.AddAgriLinkDatabase(AgriLinkDatabase.Postgres(database));
        builder.Services.AddSingleton<TimeProvider>(new FixedStartClock(PublicisedCashDividend.Anchor));
        builder.UseOrleans(silo => silo.AddAgriLinkSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync(TestServices.Ct);
        try
        {
            return await DeclareAsync(host.Services.GetRequiredService<IGrainFactory>());
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task<long> DeclareAsync(IGrainFactory grains) =>
        (await _scenario.DeclareAsync(grains)).Totals.TotalPaidFen;

    /// <summary>Platform time starting at a chosen instant and running at real speed (timers stay on the system clock).</summary>
    private sealed class FixedStartClock(DateTimeOffset anchor) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => anchor + System.GetElapsedTime(_started);
    }
}
