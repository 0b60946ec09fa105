using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace AgriLink.Hosting;

/// <summary>
/// Cluster mode's bound on how long a dead silo goes unnoticed, overridable under <c>Orleans:Membership</c>
/// (any <see cref="ClusterMembershipOptions"/> property, e.g. <c>Orleans:Membership:ProbeTimeout=00:00:02</c>).
/// A silo probes its peers every <see cref="ProbeTimeout"/>; after <see cref="MissedProbes"/> misses it votes the peer
/// dead, and with two silos one vote is enough (Orleans asks for at most half the live silos). A killed process
/// refuses connections at once, so its probes fail fast: death is declared within about
/// MissedProbes x ProbeTimeout (here 3 s), and the survivor re-activates its grains on the next call.
/// Orleans' defaults (5 s probes, 2-minute vote expiry, 60 s table refresh) take far longer.
/// </summary>
public static class FailureDetection
{
    public const string Section = "Orleans:Membership";

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    public const int MissedProbes = 3;
    public static readonly TimeSpan DeathVoteExpiration = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan IAmAlivePublish = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddBoundedFailureDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterMembershipOptions>()
            .Configure(o =>
            {
                o.ProbeTimeout = ProbeTimeout;
                o.MinProbeTimeout = ProbeTimeout / 2;
                o.MaxProbeTimeout = ProbeTimeout * 2;
                o.NumMissedProbesLimit = MissedProbes;
                o.DeathVoteExpirationTimeout = DeathVoteExpiration;
                o.TableRefreshTimeout = TableRefresh;
                o.IAmAliveTablePublishTimeout = IAmAlivePublish;
            })
            .Bind(configuration.GetSection(Section));
        return services;
    }
}
