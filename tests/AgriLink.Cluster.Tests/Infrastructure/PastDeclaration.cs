using System.Globalization;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

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
    public const int FiscalYear = 2025;

    private static readonly DateOnly Founded = new(2016, 5, 1);

    public int Members { get; } = members;

    public string LedgerKeyPrefix => $"dividend:{new CooperativeYear(CooperativeId, FiscalYear)}:";

    public static string MemberId(int i) => $"cp-{i:D6}";

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
        builder.Services.AddSingleton<TimeProvider>(new FixedStartClock(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero)));
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

    private async Task<long> DeclareAsync(IGrainFactory grains)
    {
        var coop = grains.GetGrain<ICooperativeGrain>(CooperativeId);
        await coop.Register(new CooperativeProfile(
            "盘州市集群测试农民专业合作社", UnifiedSocialCreditCode.WithCheckCharacter("93" + "520281" + "MA6CL8XT3"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "杨集群", "13985812342", Founded, "集群故障测试：社员的现金股分红。"));
        foreach (var batch in Enumerable.Range(1, Members).Chunk(10_000))
            await coop.AddMembers(batch.Select(i => new CooperativeMember(MemberId(i), MemberKind.Individual, $"社员{i}", IsFarmer: true, Founded.AddMonths(1))).ToList());

        var register = grains.GetGrain<IShareRegisterGrain>(CooperativeId);
        await register.SetCharter(new Charter(
            ReserveRateBp: 1000, WelfareRateBp: 500, TradeReturnRateBp: 6000, ShortfallPolicy.CarryAsLiability, [],
            PreferredExitPolicy.ConvertToOrdinary, PreferredFloorBp: 0));
        foreach (var batch in Enumerable.Range(1, Members).Chunk(10_000))
            await register.IssueMany(batch.Select(i => new Holding($"h-{MemberId(i)}", MemberId(i), ShareholderKind.OtherMember, ShareClass.Cash,
                1_000L + i % 7 * 500, (1_000L + i % 7 * 500) * 100, Founded.AddMonths(1), $"集群股字第{i:D6}号")).ToList(), "preparer", "现金入股登记");

        var year = new CooperativeYear(CooperativeId, FiscalYear).ToString();
        var trade = grains.GetGrain<IMemberTradeGrain>(year);
        for (var i = 1; i <= 10; i++)
            await trade.Record(new TradeRecord($"cluster-2025-{i}", MemberId(i), 100_000 + i * 7_919L, new DateOnly(2025, 9, 20), TradeSource.Manual, "鲜刺梨交售"));

        var declaration = grains.GetGrain<IDividendDeclarationGrain>(year);
        var prepared = await declaration.Prepare(new YearEndFigures(SurplusFen: Members * 100_000L), "preparer");
        Assert.Equal(Members, prepared.LineCount);
        await declaration.Approve("approver");
        var publicised = await declaration.Publicise(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11), "approver");
        Assert.Equal(DeclarationStatus.Publicised, publicised.Declaration.Status);
        return publicised.Totals.TotalPaidFen;
    }

    /// <summary>Platform time starting at a chosen instant and running at real speed (timers stay on the system clock).</summary>
    private sealed class FixedStartClock(DateTimeOffset anchor) : TimeProvider
    {
        private readonly long _started = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => anchor + System.GetElapsedTime(_started);
    }
}
