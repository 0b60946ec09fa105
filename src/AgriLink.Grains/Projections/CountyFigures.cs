using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Dividends;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The operator dashboard's per-county figures as running totals (<see cref="RunningTotals"/>): what one cooperative,
/// listing, order or poor household contributes, read from the projection rows. A county is the cooperative's (for
/// listings and sales) or the household's own. Each query returns (county, values…) grouped by county.
/// </summary>
public static class CountyFigures
{
    public const string Cooperatives = "cooperatives";
    public const string Members = "members";
    public const string Listings = "listings";
    public const string CertifiedListings = "certified_listings";
    public const string Orders = "orders";
    public const string SalesFen = "sales_fen";
    public const string CertifiedSalesFen = "certified_sales_fen";
    public const string PoorHouseholds = "poor_households";
    public const string ReachedHouseholds = "reached_households";
    public const string SalesIncomeFen = "sales_income_fen";
    public const string DividendsPaidFen = "dividends_paid_fen";
    public const string DividendsOnNoticeFen = "dividends_on_notice_fen";

    /// <summary>
    /// Listings and orders count in their cooperative's county: one that moves (or appears after them) takes them along.
    /// Listed only when the cooperative's row is not already there with the same county, so an ordinary write of the
    /// cooperative (a member joins) touches none of them.
    /// </summary>
    private const string CooperativeMoved =
        "NOT EXISTS (SELECT 1 FROM cooperatives moved WHERE moved.id = @key AND moved.county_code = @guard)";

    /// <summary>A cooperative: itself and its members.</summary>
    public static RunningTotals OfCooperatives { get; } = new("cooperative", "c.id", [Cooperatives, Members],
        "SELECT x.county_code, COUNT(*), CAST(SUM(x.members) AS BIGINT) FROM (SELECT c.county_code, " +
        "(SELECT COUNT(*) FROM cooperative_members m WHERE m.cooperative_id = c.id) AS members " +
        $"FROM cooperatives c WHERE 1 = 1 {RunningTotals.KeyFilter}) x GROUP BY x.county_code",
        [new("cooperatives", "id"), new("cooperative_members", "cooperative_id")]);

    /// <summary>A listing on sale (active or sold out), and whether it is a certified poverty-alleviation product.</summary>
    public static RunningTotals OfListings { get; } = new("listing", "l.id", [Listings, CertifiedListings],
        "SELECT c.county_code, COUNT(*), CAST(SUM(CASE WHEN l.certified THEN 1 ELSE 0 END) AS BIGINT) FROM listings l " +
        $"JOIN cooperatives c ON c.id = l.cooperative_id WHERE l.status IN ({Literals(ListingStatus.Active, ListingStatus.SoldOut)}) " +
        $"{RunningTotals.KeyFilter} GROUP BY c.county_code",
        [new("listings", "id"), new("cooperatives", "id", $"SELECT id FROM listings WHERE cooperative_id = @key AND {CooperativeMoved}", "county_code")]);

    /// <summary>An order's sub-orders that count as sales (<see cref="Sales.IsSale"/>), with their amount and certified part.</summary>
    public static RunningTotals OfOrders { get; } = new("order", "s.order_id", [Orders, SalesFen, CertifiedSalesFen],
        "SELECT c.county_code, COUNT(*), CAST(SUM(s.amount_fen) AS BIGINT), CAST(SUM(s.certified_fen) AS BIGINT) FROM sub_orders s " +
        $"JOIN cooperatives c ON c.id = s.cooperative_id WHERE s.status IN ({Literals([.. Sales.SaleStatuses])}) " +
        $"{RunningTotals.KeyFilter} GROUP BY c.county_code",
        [new("sub_orders", "order_id"),
            new("cooperatives", "id", $"SELECT DISTINCT order_id FROM sub_orders WHERE cooperative_id = @key AND {CooperativeMoved}", "county_code")]);

    /// <summary>
    /// A household on a poverty register: counted, its marketplace sales (summed over every cooperative and year; counted
    /// when positive), its dividend lines with something paid on declarations paid or on notice, and whether any of the
    /// three reached it: as <c>HouseholdIncome</c> computes them on the page.
    /// </summary>
    public static RunningTotals OfPoorHouseholds { get; } = new("household", "h.id",
        [PoorHouseholds, ReachedHouseholds, SalesIncomeFen, DividendsPaidFen, DividendsOnNoticeFen],
        "SELECT x.county_code, COUNT(*), CAST(SUM(CASE WHEN x.sales > 0 OR x.paid > 0 OR x.notice > 0 THEN 1 ELSE 0 END) AS BIGINT), " +
        "CAST(SUM(CASE WHEN x.sales > 0 THEN x.sales ELSE 0 END) AS BIGINT), CAST(SUM(x.paid) AS BIGINT), CAST(SUM(x.notice) AS BIGINT) " +
        "FROM (SELECT h.county_code, " +
        $"COALESCE((SELECT SUM(t.amount_fen) FROM member_trade t WHERE t.member_id = h.id AND t.source = '{TradeSource.Marketplace}'), 0) AS sales, " +
        $"{Dividends(DeclarationStatus.Paid)} AS paid, {Dividends(DeclarationStatus.Publicised)} AS notice " +
        $"FROM households h WHERE h.poverty_status <> '{PovertyStatus.NotPoor}' {RunningTotals.KeyFilter}) x GROUP BY x.county_code",
        [
            new("households", "id"),
            new("member_trade", "member_id"),
            new("dividend_lines", "shareholder_id"),
            // Lines replaced by a new computation: their shareholders as they were.
            new("dividend_lines", "declaration_id", "SELECT shareholder_id FROM dividend_lines WHERE declaration_id = @key"),
            // A declaration's status moves its lines (only when it changed: an objection filed moves nothing).
            new("dividend_declarations", "id",
                "SELECT shareholder_id FROM dividend_lines WHERE declaration_id = @key AND " +
                "NOT EXISTS (SELECT 1 FROM dividend_declarations d WHERE d.id = @key AND d.status = @guard)", "status"),
        ]);

    public static IReadOnlyList<RunningTotals> All { get; } = [OfCooperatives, OfListings, OfOrders, OfPoorHouseholds];

    private static string Dividends(DeclarationStatus status) =>
        "COALESCE((SELECT SUM(l.paid_fen) FROM dividend_lines l JOIN dividend_declarations d ON d.id = l.declaration_id " +
        $"WHERE l.shareholder_id = h.id AND l.paid_fen > 0 AND d.status = '{status}'), 0)";

    // Enum names only (fixed identifiers), never user input.
    private static string Literals<T>(params T[] values) where T : struct, Enum => string.Join(", ", values.Select(v => $"'{v}'"));
}
