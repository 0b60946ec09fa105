using AgriLink.Domain.Buyers;
using AgriLink.Domain.Enterprises;
using AgriLink.Domain.VillageCollectives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgriLink.Grains.Projections;

public static class ProjectionServiceCollectionExtensions
{
    /// <summary>
    /// Bumped whenever a projector or table changes what it holds: a database filled for another version is rebuilt once
    /// at silo start. 1: directories became tables (the directory grains' states are dropped). 2: order lists became the
    /// orders and sub_orders tables (the order index grains' states are dropped). 3: dividend declarations.
    /// 4: dividend lines, and the dashboard's county totals kept as rows (<see cref="CountyFigures"/>). 5: demands, offtake
    /// contracts and invoices (the buyer-demands, offtake-index and buyer-invoices grains' states are dropped). 6: budget
    /// units' quotas (<c>buyer_quotas</c>). 7: open demands' criteria (<c>open_demands</c>; the open-demands registry grain's
    /// state is dropped). 8: the notice board's dividend notices and the member assemblies with their resolutions.
    /// (Invoices are no longer projected from the invoice book's state: since schema 9 the book writes them as rows with each
    /// change, <see cref="Invoices.InvoiceRows"/>, and <see cref="Common.InvoiceBookUpgrade"/> moves an older book's once; likewise
    /// the share register's history, <see cref="ShareHistory"/>.)
    /// 9 (schema 10): 防返贫监测, households' declared income (<c>household_declarations</c>) and the monitoring cases (<c>monitoring_cases</c>).
    /// 10 (schema 11): each declaration's lines digest (<c>dividend_digests</c>) for the notice's check code, and the fiscal funds
    /// (<c>fiscal_funds</c>) with what their shares earned (<c>fund_dividends</c>) for the fund disclosure.
    /// 11 (schema 12): the village and township codes on households and cases, and the cadres' visits (<c>monitoring_visits</c>).
    /// 12 (schema 13): buyers' reviews (<c>reviews</c>, <c>review_listings</c>); each listing's cover photo on its <c>listings</c> row,
    /// each order's quantities per listing (<c>order_lines</c>) and each listing's quantity sold (<c>listing_totals</c>, <see cref="ListingFigures"/>).
    /// 13 (schema 14): the 防返贫监测 dashboards' measures, outcomes and monitored households' incomes
    /// (<c>monitoring_measures</c>, <c>monitoring_outcomes</c>, <c>monitored_incomes</c>) and their totals (<see cref="MonitoringFigures"/>);
    /// after-sales cases (<c>aftersales_cases</c>) and complaints (<c>complaints</c>).
    /// </summary>
    public const int Version = 13;

    /// <summary>Grain states that projections replaced; deleted by the upgrade that fills the tables.</summary>
    public static readonly IReadOnlyList<string> RetiredStates =
        ["directory", "buyer-orders", "cooperative-orders", "buyer-demands", "offtake-index", "buyer-invoices", "open-demands"];

    /// <summary>
    /// Every projector, the catalog that makes the silo fill the tables when needed, and the read side. Silos and web
    /// nodes both call it (a web node in cluster mode reads the lists; only a silo writes); calling it twice adds nothing.
    /// </summary>
    public static IServiceCollection AddAgriLinkProjections(this IServiceCollection services)
    {
        services.TryAddSingleton(new ProjectionCatalog(Version, RetiredStates));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, CooperativeProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, CooperativeAdmissionProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, HouseholdProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, ListingProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, OrderProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Dividends.DividendDeclarationProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Dividends.DividendLinesProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Shares.FiscalFundProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Quotas.BuyerQuotaProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Assemblies.AssemblyProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Matching.DemandProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Offtake.OfftakeProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Reviews.ReviewProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, AfterSales.AfterSalesProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Complaints.ComplaintProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Dividends.DividendLinesUpgrade>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Common.InvoiceBookUpgrade>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Common.ShareRegisterUpgrade>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Monitoring.HouseholdDeclarationProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Monitoring.MonitoringCaseProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector, Monitoring.MonitoringVisitProjector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, Monitoring.MonitoringWarningsStart>());
        // One instance per figure group, all of one type (TryAddEnumerable would keep only the first): added once.
        if (!services.Any(d => d.ServiceType == typeof(RunningTotals)))
            foreach (var totals in CountyFigures.All.Append(ListingFigures.OfOrderSales).Concat(MonitoringFigures.All)) services.AddSingleton(totals);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector>(new ProfileProjector<EnterpriseProfile>("enterprise", ProjectionTables.Enterprises,
            (id, p) => [id, p.Name, p.CountyCode, p.Level.ToString()])));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector>(new ProfileProjector<BuyerProfile>("buyer", ProjectionTables.Buyers,
            (id, p) => [id, p.Name, p.RegionCode, p.ParentBuyerId, p.Type.ToString()])));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStateProjector>(new ProfileProjector<VillageCollectiveProfile>("village-collective", ProjectionTables.VillageCollectives,
            (id, p) => [id, p.Name, p.CountyCode])));
        services.TryAddSingleton<DirectoryQueries>();
        services.TryAddSingleton<ShopQueries>();
        services.TryAddSingleton<FundDisclosureQueries>();
        services.TryAddSingleton<OrderQueries>();
        services.TryAddSingleton<DemandQueries>();
        services.TryAddSingleton<Matching.DemandMatcher>();
        services.TryAddSingleton<OfftakeQueries>();
        services.TryAddSingleton<InvoiceQueries>();
        services.TryAddSingleton<ImpactQueries>();
        services.TryAddSingleton<IncomeQueries>();
        services.TryAddSingleton<MonitoringQueries>();
        services.TryAddSingleton<ReviewQueries>();
        services.TryAddSingleton<AfterSalesQueries>();
        services.TryAddSingleton<ComplaintQueries>();
        services.TryAddSingleton<MonitoringDashboardQueries>();
        services.TryAddSingleton<TradeRows>();
        services.TryAddSingleton<Assemblies.AssemblyRows>();
        services.TryAddSingleton<ShareHistory>();
        services.TryAddSingleton<NoticeBoardQueries>();
        return services;
    }
}
