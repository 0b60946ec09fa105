using AgriLink.Storage.Changes;

namespace AgriLink.Storage.Projections;

/// <summary>
/// The read-model tables, each filled from one kind of grain state by its projector (schema versions 4 to 8), and the rows some grains append as their record. Lists, pages
/// and reports read these with indexes and keyset paging; grains never read them to decide anything.
/// </summary>
public static class ProjectionTables
{
    public static readonly ProjectionTable Cooperatives = new("cooperatives", ["id"], ["id", "name", "county_code", "village", "updated_at"]);

    public static readonly ProjectionTable CooperativeMembers = new("cooperative_members", ["cooperative_id", "member_id"],
        ["cooperative_id", "member_id", "kind", "display_name", "is_farmer", "joined_on"]);

    public static readonly ProjectionTable CooperativeAdmissions = new("cooperative_admissions", ["cooperative_id"],
        ["cooperative_id", "status", "may_sell"]);

    public static readonly ProjectionTable Households = new("households", ["id"],
        ["id", "head_name", "county_code", "township", "village", "people", "poverty_status", "registered_at", "village_code"]);

    public static readonly ProjectionTable Enterprises = new("enterprises", ["id"], ["id", "name", "county_code", "level"]);

    public static readonly ProjectionTable VillageCollectives = new("village_collectives", ["id"], ["id", "name", "county_code"]);

    public static readonly ProjectionTable Buyers = new("buyers", ["id"], ["id", "name", "region_code", "parent_buyer_id", "type"]);

    public static readonly ProjectionTable Listings = new("listings", ["id"],
        ["id", "cooperative_id", "title", "county_code", "status", "price_fen", "certified", "updated_at", "cover_photo_id", "cover_width", "cover_height"]);

    /// <summary>One row per order (the buyer's view: its summarised status and total).</summary>
    public static readonly ProjectionTable Orders = new("orders", ["id"],
        ["id", "buyer_id", "status", "payment_method", "amount_fen", "placed_at", "revision"]);

    /// <summary>One row per cooperative's part of an order (the cooperative's view).</summary>
    public static readonly ProjectionTable SubOrders = new("sub_orders", ["order_id", "cooperative_id"],
        ["order_id", "cooperative_id", "buyer_id", "status", "payment_method", "amount_fen", "certified_fen", "placed_at", "revision"]);

    /// <summary>One row per dividend declaration (cooperative and fiscal year): its status, for the dashboard and lists.</summary>
    public static readonly ProjectionTable DividendDeclarations = new("dividend_declarations", ["id"],
        ["id", "cooperative_id", "fiscal_year", "status", "line_count"]);

    /// <summary>
    /// One row per shareholder of a dividend declaration's current computation: what is paid and what is still owed, for
    /// the dashboard's household reach (with the declaration's status from <see cref="DividendDeclarations"/>).
    /// </summary>
    public static readonly ProjectionTable DividendLines = new("dividend_lines", ["declaration_id", "shareholder_id"],
        ["declaration_id", "shareholder_id", "paid_fen", "owed_fen"]);

    /// <summary>
    /// One row per declaration: the digest of its <see cref="DividendLines"/> (Domain.Disclosure.NoticeDigest), written with
    /// them, so the board shows the notice's check code without reading every line.
    /// </summary>
    public static readonly ProjectionTable DividendDigests = new("dividend_digests", ["declaration_id"], ["declaration_id", "line_count", "digest"]);

    /// <summary>One row per fiscal fund a cooperative registered (资金变股金): its source, document, amount, year and purpose.</summary>
    public static readonly ProjectionTable FiscalFunds = new("fiscal_funds", ["id"],
        ["id", "cooperative_id", "fund_id", "source", "document_no", "amount_fen", "year", "purpose"]);

    /// <summary>
    /// One row per fiscal-fund holding in a declaration's lines: what the shares the fund formed earned that year (paid and
    /// still owed), written with the <see cref="DividendLines"/>.
    /// </summary>
    public static readonly ProjectionTable FundDividends = new("fund_dividends", ["declaration_id", "holding_id"],
        ["declaration_id", "holding_id", "cooperative_id", "fund_id", "fiscal_year", "shareholder_id", "paid_fen", "owed_fen"]);

    /// <summary>One row per demand (a buyer's list, newest first). Quantities are stored as the decimal's invariant text.</summary>
    public static readonly ProjectionTable Demands = new("demands", ["id"],
        ["id", "buyer_id", "title", "category", "status", "quantity", "unit", "deliver_by", "posted_at", "revision"]);

    /// <summary>
    /// One row per open demand (gone when it closes): its criteria as JSON, read by category by the matcher when a listing
    /// goes on sale or is restocked.
    /// </summary>
    public static readonly ProjectionTable OpenDemands = new("open_demands", ["id"], ["id", "buyer_id", "category", "spec", "revision"]);

    /// <summary>One row per offtake contract (each party's list, latest delivery window first).</summary>
    public static readonly ProjectionTable OfftakeContracts = new("offtake_contracts", ["id"],
        ["id", "enterprise_id", "cooperative_id", "product", "status", "delivery_start", "delivery_end", "quantity", "delivered_quantity"]);

    /// <summary>
    /// One row per invoice of a cooperative's invoice book (the buyer's and the cooperative's lists, newest first), with
    /// its payment once recorded. Keyed by number; the book's key is the cooperative. Since schema version 9 the book writes
    /// the row of the invoice it issues or settles, in that write; its state no longer holds its invoices, so these rows
    /// (with <see cref="InvoiceDocuments"/>) are the record itself and no rebuild touches them.
    /// </summary>
    public static readonly ProjectionTable Invoices = new("invoices", ["number"],
        ["number", "cooperative_id", "seller_name", "buyer_id", "buyer_name", "period", "issued_on", "total_fen", "status",
            "paid_reference", "paid_fen", "paid_received_on", "paid_recorded_by", "paid_recorded_at"]);

    /// <summary>
    /// The whole invoice (its lines, parties, total in words, payment) as JSON, one row per invoice, written with its
    /// <see cref="Invoices"/> row: what the book reads an invoice back from. Schema version 9.
    /// </summary>
    public static readonly ProjectionTable InvoiceDocuments = new("invoice_documents", ["number"],
        ["number", "cooperative_id", "buyer_id", "period", "document"]);

    /// <summary>
    /// One row per entry of a cooperative's share register (its history, numbered from 1), the entry as JSON, appended by the
    /// register in the write that makes it; the register's state keeps only what it decides with. Schema version 9.
    /// </summary>
    public static readonly ProjectionTable ShareEvents = new("share_events", ["cooperative_id", "sequence"],
        ["cooperative_id", "sequence", "event_date", "type", "document"]);

    /// <summary>
    /// One row per budget unit and year with a quota state (keyed by the grain's key): whether it declared, its budget, rate
    /// and quota, and the certified purchases counted by channel, for the dashboard's compliance list and count.
    /// </summary>
    public static readonly ProjectionTable BuyerQuotas = new("buyer_quotas", ["id"],
        ["id", "buyer_id", "year", "declared", "budget_fen", "reserve_rate_bp", "quota_fen", "counted_fen", "own_fen", "union_fen", "employee_fen"]);

    /// <summary>
    /// One row per dividend declaration on or past its notice (公示), for the public notice board: the totals per rule and
    /// where the plan stands (notice period, objections open, the assembly's resolution). Schema version 8.
    /// </summary>
    public static readonly ProjectionTable DividendNotices = new("dividend_notices", ["id"],
        ["id", "cooperative_id", "fiscal_year", "status", "notice_start", "notice_end", "surplus_fen", "losses_made_good_fen", "reserve_rate_bp",
            "reserve_fen", "welfare_rate_bp", "welfare_fen", "distributable_fen", "trade_return_rate_bp", "trade_pool_fen", "floors_paid_fen",
            "second_round_fen", "total_paid_fen", "line_count", "open_objections", "assembly_resolution", "paid_on"]);

    /// <summary>One row per member assembly (meeting) of a cooperative: lists and the notice board. Schema version 8.</summary>
    public static readonly ProjectionTable Assemblies = new("assemblies", ["id"],
        ["id", "cooperative_id", "title", "mode", "status", "called_on", "closed_on", "present", "seats", "total_votes", "quorum_note"]);

    /// <summary>One row per resolution of an assembly, with its count and outcome once closed. Schema version 8.</summary>
    public static readonly ProjectionTable AssemblyResolutions = new("assembly_resolutions", ["assembly_id", "resolution_id"],
        ["assembly_id", "resolution_id", "cooperative_id", "subject", "title", "fiscal_year", "passed", "yes_votes", "no_votes", "abstain_votes",
            "total_votes", "explanation"]);

    /// <summary>A household's declared income and rigid expenses of a year (keyed by the grain's key, one per household and year). Schema version 10.</summary>
    public static readonly ProjectionTable HouseholdDeclarations = new("household_declarations", ["id"],
        ["id", "household_id", "year", "wages_fen", "transfers_fen", "other_production_fen", "medical_fen", "education_fen", "disaster_loss_fen",
            "declared_by", "declared_at"]);

    /// <summary>
    /// One row per monitoring case (防返贫监测): where the household lives, how it was found, its stage, category once
    /// confirmed, and when its current step falls due (null when none is due). Never on a public page. Schema version 10.
    /// </summary>
    public static readonly ProjectionTable MonitoringCases = new("monitoring_cases", ["id"],
        ["id", "household_id", "head_name", "county_code", "township", "village", "channel", "stage", "category", "opened_at", "stage_since",
            "due_by", "warning", "township_code", "village_code"]);

    /// <summary>
    /// One row per visit (走访) a cadre logged: the household, the day, the notes, whether it found a risk and the case it
    /// opened or found open. Read by the cadre's own list (by the cadre's account, newest first). Schema version 11.
    /// </summary>
    /// <summary>
    /// One row per review of a delivered sub-order (评价): the marks, the comment and answer, whether the operator hid it,
    /// and a sort key (time, then id) the lists page by, newest first.
    /// </summary>
    public static readonly ProjectionTable Reviews = new("reviews", ["id"],
        ["id", "cooperative_id", "order_id", "buyer_id", "quality", "freshness", "packaging", "delivery", "comment", "reply", "hidden", "written_at", "sort_key"]);

    /// <summary>One row per listing a review covers (the listings of its sub-order), for each listing's rating.</summary>
    public static readonly ProjectionTable ReviewListings = new("review_listings", ["review_id", "listing_id"],
        ["review_id", "listing_id", "cooperative_id", "sort_key"]);

    /// <summary>
    /// One row per after-sales case (售后, one per sub-order): its status and amounts, for the buyer's cases, the cooperative's
    /// queue and the operator's escalations, newest first by a sort key (request time, then id). Schema version 14.
    /// </summary>
    public static readonly ProjectionTable AfterSalesCases = new("aftersales_cases", ["id"],
        ["id", "order_id", "cooperative_id", "buyer_id", "status", "paid_fen", "requested_fen", "proposed_fen", "agreed_fen", "by_card", "reason",
            "refund_reference", "requested_at", "updated_at", "sort_key"]);

    /// <summary>
    /// A credit note (红字冲销) an invoice book issued for an after-sales refund of an invoiced order, numbered per cooperative
    /// and year like its invoices, one per case. Written by the book with its numbering: the record itself, never rebuilt.
    /// </summary>
    public static readonly ProjectionTable CreditNotes = new("credit_notes", ["number"],
        ["number", "case_key", "cooperative_id", "buyer_id", "order_id", "invoice_number", "amount_fen", "issued_on", "reason"]);

    /// <summary>One row per buyer's complaint (投诉) about a cooperative's price or quality, with the operator's decision. Schema version 14.</summary>
    public static readonly ProjectionTable Complaints = new("complaints", ["id"],
        ["id", "cooperative_id", "buyer_id", "order_id", "kind", "status", "text", "filed_at", "decided_at", "decision_reason", "sort_key"]);

    public static readonly ProjectionTable MonitoringVisits = new("monitoring_visits", ["id"],
        ["id", "cadre", "household_id", "head_name", "county_code", "village_code", "village", "visited_on", "found_risk", "case_id", "note", "recorded_at"]);

    /// <summary>
    /// One row per assistance measure of a monitoring case (its position in the case), with the household's area codes:
    /// what <see cref="MonitoringTotals"/> counts by kind. Schema version 14.
    /// </summary>
    public static readonly ProjectionTable MonitoringMeasures = new("monitoring_measures", ["case_id", "position"],
        ["case_id", "position", "household_id", "county_code", "township_code", "village_code", "kind", "start_on"]);

    /// <summary>
    /// One row per case that ended its risk (风险消除) or was dismissed: which, and the month it happened (China time,
    /// <c>yyyy-MM</c>), with the area codes. Schema version 14.
    /// </summary>
    public static readonly ProjectionTable MonitoringOutcomes = new("monitoring_outcomes", ["case_id"],
        ["case_id", "outcome", "month", "county_code", "township_code", "village_code"]);

    /// <summary>
    /// A monitored household's per-capita income of a year (recorded on its confirmed case by the warnings run) against the
    /// line, once per area it lies in (province, prefecture, county, township, village), so each area's median and share
    /// under the line read one index range. Schema version 14.
    /// </summary>
    public static readonly ProjectionTable MonitoredIncomes = new("monitored_incomes", ["area", "year", "case_id"],
        ["area", "year", "case_id", "per_capita_fen", "line_fen"]);

    /// <summary>
    /// The 防返贫监测 dashboards' running totals (area key, figure, value), like <see cref="CountyTotals"/>: the measures
    /// by kind per area (key: the area code), the outcomes per area and month (key: <c>{area}|{yyyy-MM}</c>), each area at
    /// every level (province to village), so a dashboard reads its own rows only. Schema version 14.
    /// </summary>
    public static readonly ProjectionTable MonitoringTotals = new("monitoring_totals", ["area_key", "figure"], ["area_key", "figure", "value"]);

    /// <summary>
    /// The dashboard's figures per county (county, figure name, value), moved by delta in the transaction of each change
    /// (<see cref="Changes.RunningTotals"/>) and recomputed from the other tables by a rebuild; a figure at zero has no row.
    /// </summary>
    public static readonly ProjectionTable CountyTotals = new("county_totals", ["county_code", "figure"], ["county_code", "figure", "value"]);

    /// <summary>An order's quantity per listing, in thousandths of the listing's unit (schema 13), for the listings' sales.</summary>
    public static readonly ProjectionTable OrderLines = new("order_lines", ["order_id", "listing_id"], ["order_id", "listing_id", "cooperative_id", "quantity_milli"]);

    /// <summary>
    /// Running totals per listing (listing, figure, value), kept like <see cref="CountyTotals"/> (schema 13): what the market
    /// shows per card and sorts by (the quantity sold), never summed over the orders on a read.
    /// </summary>
    public static readonly ProjectionTable ListingTotals = new("listing_totals", ["listing_id", "figure"], ["listing_id", "figure", "value"]);

    /// <summary>
    /// One row per delivery a cooperative recorded for a fiscal year: written (appended) by the member-trade grain in its
    /// own transaction. Not derived from a state, so no rebuild touches it: these rows are the record itself.
    /// </summary>
    public static readonly ProjectionTable MemberTrade = new("member_trade", ["cooperative_id", "fiscal_year", "reference"],
        ["cooperative_id", "fiscal_year", "reference", "position", "member_id", "amount_fen", "trade_date", "source", "note"]);

    /// <summary>
    /// One row per online ballot of a member assembly (the ballot whole, as JSON), written by the assembly's grain in the
    /// transaction of the cast that makes or replaces it (schema 14): a ballot costs by the ballot, not by the meeting. Not
    /// derived from a state, so no rebuild touches it: these rows are the record itself.
    /// </summary>
    public static readonly ProjectionTable AssemblyBallots = new("assembly_ballots", ["assembly_id", "member_id"],
        ["assembly_id", "member_id", "cast_at", "ballot"]);

    /// <summary>The members who may vote online at an assembly, fixed when it is called (schema 14); the record itself, like the ballots.</summary>
    public static readonly ProjectionTable AssemblyVoters = new("assembly_voters", ["assembly_id", "member_id"], ["assembly_id", "member_id"]);

    /// <summary>
    /// The tables a rebuild makes again: those projectors derive from grain states, and the county totals computed from
    /// them; the rows that are the record itself (<see cref="MemberTrade"/>, <see cref="Invoices"/>, <see cref="InvoiceDocuments"/>,
    /// <see cref="ShareEvents"/>, <see cref="AssemblyBallots"/>, <see cref="AssemblyVoters"/>)
    /// are not among them.
    /// </summary>
    public static IReadOnlyList<ProjectionTable> All { get; } =
        [Cooperatives, CooperativeMembers, CooperativeAdmissions, Households, Enterprises, VillageCollectives, Buyers, Listings, Orders, SubOrders,
            DividendDeclarations, DividendLines, DividendDigests, FiscalFunds, FundDividends, Demands, OfftakeContracts, BuyerQuotas, DividendNotices, Assemblies, AssemblyResolutions,
            HouseholdDeclarations, MonitoringCases, MonitoringVisits, Reviews, ReviewListings, AfterSalesCases, Complaints, OrderLines, CountyTotals, ListingTotals,
            MonitoringMeasures, MonitoringOutcomes, MonitoredIncomes, MonitoringTotals];
}
