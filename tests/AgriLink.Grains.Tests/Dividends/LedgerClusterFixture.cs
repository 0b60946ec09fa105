using AgriLink.Grains.Common;
using AgriLink.Storage;
using AgriLink.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>
/// A second cluster for dividends: its clock is moved forward (a public notice must end before payment),
/// which the shared cluster's tests could not bear, and its ledger is a <see cref="FaultyLedger"/> around the
/// real one. Tests here read the date from <see cref="CurrentDate"/>, never from a constant.
/// </summary>
public sealed class LedgerClusterFixture : ClusterFixture
{
    /// <summary>The silo's ledger; healthy unless a test arms it.</summary>
    public FaultyLedger Ledger => Cluster.Silos[0].ServiceProvider.GetRequiredService<FaultyLedger>();

    public DateOnly CurrentDate => Clock.Today();

    public void PassDays(int days) => Clock.Advance(TimeSpan.FromDays(days));

    protected override void ConfigureSiloServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new FaultyLedger(new SqlLedger(sp.GetRequiredService<AgriLinkDatabase>(), sp.GetService<TimeProvider>())));
        services.Replace(ServiceDescriptor.Singleton<ILedger>(sp => sp.GetRequiredService<FaultyLedger>()));
    }
}

[CollectionDefinition(Name)]
public sealed class LedgerClusterCollection : ICollectionFixture<LedgerClusterFixture>
{
    public const string Name = "Orleans cluster with a movable clock and a faulty ledger";
}
