using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AgriLink.Storage.Dialects;

/// <summary>The embedded default: one SQLite file beside the app, safe for several writers in one process.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // SQLite extended result codes for PRIMARY KEY and UNIQUE violations.
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    // WAL lets readers run beside the single writer; busy_timeout makes a second writer wait instead of failing;
    // synchronous=FULL fsyncs the WAL on every commit, so an acknowledged write survives kill -9 or power loss.
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";

    public override string Name => "sqlite";

    public override IReadOnlyList<string> SchemaStatements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            before_json TEXT NULL,
            after_json TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_audit_log_resource ON audit_log (resource_type, resource_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_audit_log_actor ON audit_log (actor, id)",
        "CREATE INDEX IF NOT EXISTS ix_audit_log_at ON audit_log (at, id)",
        // The audit trail must hold even against code (or a person with a SQL shell) that tries to rewrite it.
        """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """,
        """
        CREATE TABLE IF NOT EXISTS meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL)
        """,

        // Schema version 2: the double-entry ledger. STRICT makes SQLite refuse a non-integer amount instead of
        // storing it as REAL or TEXT; AUTOINCREMENT keeps ids growing even across a rolled-back batch.
        """
        CREATE TABLE IF NOT EXISTS ledger_transfer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
            memo TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL) STRICT
        """,
        """
        CREATE TABLE IF NOT EXISTS ledger_posting (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            transfer_id INTEGER NOT NULL REFERENCES ledger_transfer (id),
            account TEXT NOT NULL CHECK (length(account) BETWEEN 1 AND 200),
            amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0)) STRICT
        """,
        // Balances and statements read by account, newest first; the transfer index serves idempotency checks.
        "CREATE INDEX IF NOT EXISTS ix_ledger_posting_account ON ledger_posting (account, id)",
        "CREATE INDEX IF NOT EXISTS ix_ledger_posting_transfer ON ledger_posting (transfer_id)",
        """
        CREATE TRIGGER IF NOT EXISTS ledger_transfer_no_update BEFORE UPDATE ON ledger_transfer
        BEGIN SELECT RAISE(ABORT, 'ledger_transfer is append-only'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS ledger_transfer_no_delete BEFORE DELETE ON ledger_transfer
        BEGIN SELECT RAISE(ABORT, 'ledger_transfer is append-only'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS ledger_posting_no_update BEFORE UPDATE ON ledger_posting
        BEGIN SELECT RAISE(ABORT, 'ledger_posting is append-only'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS ledger_posting_no_delete BEFORE DELETE ON ledger_posting
        BEGIN SELECT RAISE(ABORT, 'ledger_posting is append-only'); END
        """,

        // Schema version 3: Orleans reminders (durable deadlines). The uniform hash is stored (0..uint.MaxValue fits
        // an INTEGER) and indexed per service, so each silo's ring-range read is an index range, not a scan.
        """
        CREATE TABLE IF NOT EXISTS reminder (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
            start_at TEXT NOT NULL,
            period_ticks INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)) STRICT
        """,
        "CREATE INDEX IF NOT EXISTS ix_reminder_hash ON reminder (service_id, grain_hash)",

        // Schema version 4: the outbox (domain events committed with the state they describe, numbered in commit order:
        // one writer at a time) with each consumer's acknowledged position, and the read-model tables of ProjectionTables.
        """
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            name TEXT NOT NULL,
            resource TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            at TEXT NOT NULL,
            data TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_outbox_topic ON outbox (topic, seq)",
        """
        CREATE TABLE IF NOT EXISTS outbox_consumer (
            consumer TEXT NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL,
            updated_at TEXT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS cooperatives (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL, village TEXT NOT NULL, updated_at TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_cooperatives_county ON cooperatives (county_code, id)",
        """
        CREATE TABLE IF NOT EXISTS cooperative_members (
            cooperative_id TEXT NOT NULL, member_id TEXT NOT NULL, kind TEXT NOT NULL, display_name TEXT NOT NULL,
            is_farmer INTEGER NOT NULL, joined_on TEXT NOT NULL, PRIMARY KEY (cooperative_id, member_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_cooperative_members_member ON cooperative_members (member_id, cooperative_id)",
        "CREATE TABLE IF NOT EXISTS cooperative_admissions (cooperative_id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, may_sell INTEGER NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS households (
            id TEXT NOT NULL PRIMARY KEY, head_name TEXT NOT NULL, county_code TEXT NOT NULL, township TEXT NOT NULL,
            village TEXT NOT NULL, people INTEGER NOT NULL, poverty_status TEXT NOT NULL, registered_at TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_households_county ON households (county_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_households_village ON households (county_code, township, village, id)",
        "CREATE INDEX IF NOT EXISTS ix_households_poverty ON households (poverty_status, id)",
        "CREATE TABLE IF NOT EXISTS enterprises (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL, level TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_enterprises_county ON enterprises (county_code, id)",
        "CREATE TABLE IF NOT EXISTS village_collectives (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_village_collectives_county ON village_collectives (county_code, id)",
        "CREATE TABLE IF NOT EXISTS buyers (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, region_code TEXT NOT NULL, parent_buyer_id TEXT NULL, type TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_buyers_type ON buyers (type, id)",
        """
        CREATE TABLE IF NOT EXISTS listings (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, title TEXT NOT NULL, county_code TEXT NOT NULL,
            status TEXT NOT NULL, price_fen INTEGER NOT NULL, certified INTEGER NOT NULL, updated_at TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_listings_cooperative ON listings (cooperative_id, id)",
        "CREATE INDEX IF NOT EXISTS ix_listings_county ON listings (county_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_listings_status ON listings (status, id)",
        """
        CREATE TABLE IF NOT EXISTS orders (
            id TEXT NOT NULL PRIMARY KEY, buyer_id TEXT NOT NULL, status TEXT NOT NULL, payment_method TEXT NOT NULL,
            amount_fen INTEGER NOT NULL, placed_at TEXT NOT NULL, revision INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_orders_buyer ON orders (buyer_id, placed_at, id)",
        "CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, placed_at)",
        "CREATE INDEX IF NOT EXISTS ix_orders_placed ON orders (placed_at)",
        """
        CREATE TABLE IF NOT EXISTS sub_orders (
            order_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, buyer_id TEXT NOT NULL, status TEXT NOT NULL,
            payment_method TEXT NOT NULL, amount_fen INTEGER NOT NULL, certified_fen INTEGER NOT NULL, placed_at TEXT NOT NULL, revision INTEGER NOT NULL,
            PRIMARY KEY (order_id, cooperative_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_sub_orders_cooperative ON sub_orders (cooperative_id, placed_at, order_id)",
        "CREATE INDEX IF NOT EXISTS ix_sub_orders_cooperative_status ON sub_orders (cooperative_id, status, placed_at)",
        "CREATE INDEX IF NOT EXISTS ix_sub_orders_placed ON sub_orders (placed_at)",
        """
        CREATE TABLE IF NOT EXISTS member_trade (
            cooperative_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, reference TEXT NOT NULL, position INTEGER NOT NULL,
            member_id TEXT NULL, amount_fen INTEGER NOT NULL, trade_date TEXT NOT NULL, source TEXT NOT NULL, note TEXT NULL,
            PRIMARY KEY (cooperative_id, fiscal_year, reference))
        """,
        "CREATE INDEX IF NOT EXISTS ix_member_trade_position ON member_trade (cooperative_id, fiscal_year, position)",
        "CREATE INDEX IF NOT EXISTS ix_member_trade_member ON member_trade (member_id, fiscal_year)",
        """
        CREATE TABLE IF NOT EXISTS dividend_declarations (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, status TEXT NOT NULL,
            line_count INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_dividend_declarations_status ON dividend_declarations (status, cooperative_id)",
        """
        CREATE TABLE IF NOT EXISTS dividend_lines (
            declaration_id TEXT NOT NULL, shareholder_id TEXT NOT NULL, paid_fen INTEGER NOT NULL, owed_fen INTEGER NOT NULL,
            PRIMARY KEY (declaration_id, shareholder_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_dividend_lines_shareholder ON dividend_lines (shareholder_id, declaration_id)",
        "CREATE TABLE IF NOT EXISTS county_totals (county_code TEXT NOT NULL, figure TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (county_code, figure))",

        // Schema version 6: the demand, offtake contract and invoice lists (the whole-list grains they replace are gone).
        // Quantities as the decimal's own text: a NUMERIC column would turn 0.1 into a binary float.
        """
        CREATE TABLE IF NOT EXISTS demands (
            id TEXT NOT NULL PRIMARY KEY, buyer_id TEXT NOT NULL, title TEXT NOT NULL, category TEXT NULL, status TEXT NOT NULL,
            quantity TEXT NOT NULL, unit TEXT NOT NULL, deliver_by TEXT NOT NULL, posted_at TEXT NOT NULL, revision INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_demands_buyer ON demands (buyer_id, posted_at, id)",
        """
        CREATE TABLE IF NOT EXISTS offtake_contracts (
            id TEXT NOT NULL PRIMARY KEY, enterprise_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, product TEXT NOT NULL, status TEXT NOT NULL,
            delivery_start TEXT NOT NULL, delivery_end TEXT NOT NULL, quantity TEXT NOT NULL, delivered_quantity TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_offtake_contracts_enterprise ON offtake_contracts (enterprise_id, delivery_start, id)",
        "CREATE INDEX IF NOT EXISTS ix_offtake_contracts_cooperative ON offtake_contracts (cooperative_id, delivery_start, id)",
        """
        CREATE TABLE IF NOT EXISTS invoices (
            number TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, seller_name TEXT NOT NULL, buyer_id TEXT NOT NULL,
            buyer_name TEXT NOT NULL, period TEXT NOT NULL, issued_on TEXT NOT NULL, total_fen INTEGER NOT NULL, status TEXT NOT NULL,
            paid_reference TEXT NULL, paid_fen INTEGER NULL, paid_received_on TEXT NULL, paid_recorded_by TEXT NULL, paid_recorded_at TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_invoices_buyer ON invoices (buyer_id, issued_on, number)",
        "CREATE INDEX IF NOT EXISTS ix_invoices_cooperative ON invoices (cooperative_id, issued_on, number)",
        // Schema version 6 also: budget units' quotas for the dashboard.
        """
        CREATE TABLE IF NOT EXISTS buyer_quotas (
            id TEXT NOT NULL PRIMARY KEY, buyer_id TEXT NOT NULL, year INTEGER NOT NULL, declared INTEGER NOT NULL, budget_fen INTEGER NOT NULL,
            reserve_rate_bp INTEGER NOT NULL, quota_fen INTEGER NOT NULL, counted_fen INTEGER NOT NULL, own_fen INTEGER NOT NULL,
            union_fen INTEGER NOT NULL, employee_fen INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_buyer_quotas_year ON buyer_quotas (year, buyer_id)",
        // Schema version 7: the open demands' criteria (a row only while the demand is open), which the matcher reads by
        // category when a listing goes on sale; the spec as the demand's JSON.
        "CREATE TABLE IF NOT EXISTS open_demands (id TEXT NOT NULL PRIMARY KEY, buyer_id TEXT NOT NULL, category TEXT NULL, spec TEXT NOT NULL, revision INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_open_demands_category ON open_demands (category, id)",
        // Schema version 8: the public notice board (dividend plans on notice) and the member assemblies with their resolutions.
        """
        CREATE TABLE IF NOT EXISTS dividend_notices (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, status TEXT NOT NULL,
            notice_start TEXT NULL, notice_end TEXT NULL, surplus_fen INTEGER NOT NULL, losses_made_good_fen INTEGER NOT NULL, reserve_rate_bp INTEGER NOT NULL,
            reserve_fen INTEGER NOT NULL, welfare_rate_bp INTEGER NOT NULL, welfare_fen INTEGER NOT NULL, distributable_fen INTEGER NOT NULL,
            trade_return_rate_bp INTEGER NOT NULL, trade_pool_fen INTEGER NOT NULL, floors_paid_fen INTEGER NOT NULL, second_round_fen INTEGER NOT NULL,
            total_paid_fen INTEGER NOT NULL, line_count INTEGER NOT NULL, open_objections INTEGER NOT NULL, assembly_resolution TEXT NULL, paid_on TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_dividend_notices_cooperative ON dividend_notices (cooperative_id, fiscal_year)",
        """
        CREATE TABLE IF NOT EXISTS assemblies (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, title TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
            called_on TEXT NOT NULL, closed_on TEXT NULL, present INTEGER NULL, seats INTEGER NOT NULL, total_votes INTEGER NOT NULL, quorum_note TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_assemblies_cooperative ON assemblies (cooperative_id, called_on, id)",
        """
        CREATE TABLE IF NOT EXISTS assembly_resolutions (
            assembly_id TEXT NOT NULL, resolution_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, subject TEXT NOT NULL,
            title TEXT NOT NULL, fiscal_year INTEGER NULL, passed INTEGER NULL, yes_votes INTEGER NULL, no_votes INTEGER NULL, abstain_votes INTEGER NULL,
            total_votes INTEGER NOT NULL, explanation TEXT NULL, PRIMARY KEY (assembly_id, resolution_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_assembly_resolutions_cooperative ON assembly_resolutions (cooperative_id, assembly_id)",
        // Schema version 9: each invoice whole (JSON), written by its book with the invoice's list row; the book's state keeps
        // only its numbering and the work still owed.
        """
        CREATE TABLE IF NOT EXISTS invoice_documents (
            number TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, buyer_id TEXT NOT NULL, period TEXT NOT NULL, document TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_invoice_documents_buyer_period ON invoice_documents (cooperative_id, buyer_id, period, number)",
        // Schema version 9 also: each share register's history, an entry per row (the register's state keeps its holdings).
        """
        CREATE TABLE IF NOT EXISTS share_events (
            cooperative_id TEXT NOT NULL, sequence INTEGER NOT NULL, event_date TEXT NOT NULL, type TEXT NOT NULL, document TEXT NOT NULL,
            PRIMARY KEY (cooperative_id, sequence))
        """,
        // Schema version 14: an online assembly's ballots and voters, a row each (the assembly's state keeps the turnout).
        """
        CREATE TABLE IF NOT EXISTS assembly_ballots (
            assembly_id TEXT NOT NULL, member_id TEXT NOT NULL, cast_at TEXT NOT NULL, ballot TEXT NOT NULL, PRIMARY KEY (assembly_id, member_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS assembly_voters (assembly_id TEXT NOT NULL, member_id TEXT NOT NULL, PRIMARY KEY (assembly_id, member_id))
        """,
        // Schema version 10 (防返贫监测): households' declared income and rigid expenses per year, and the monitoring cases
        // by county, stage and due date (overdue is due_by before now, asked at read time).
        """
        CREATE TABLE IF NOT EXISTS household_declarations (
            id TEXT NOT NULL PRIMARY KEY, household_id TEXT NOT NULL, year INTEGER NOT NULL, wages_fen INTEGER NOT NULL, transfers_fen INTEGER NOT NULL,
            other_production_fen INTEGER NOT NULL, medical_fen INTEGER NOT NULL, education_fen INTEGER NOT NULL, disaster_loss_fen INTEGER NOT NULL,
            declared_by TEXT NOT NULL, declared_at TEXT NOT NULL)
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS ix_household_declarations_household ON household_declarations (household_id, year)",
        """
        CREATE TABLE IF NOT EXISTS monitoring_cases (
            id TEXT NOT NULL PRIMARY KEY, household_id TEXT NOT NULL, head_name TEXT NOT NULL, county_code TEXT NOT NULL, township TEXT NOT NULL,
            village TEXT NOT NULL, channel TEXT NOT NULL, stage TEXT NOT NULL, category TEXT NULL, opened_at TEXT NOT NULL, stage_since TEXT NOT NULL,
            due_by TEXT NULL, warning TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_county ON monitoring_cases (county_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_stage ON monitoring_cases (county_code, stage, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_due ON monitoring_cases (county_code, due_by)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_household ON monitoring_cases (household_id, id)",
        // Schema version 11: each declaration's lines digest, for the notice's check code (公示内容校验码) that the board and the printed notice show.
        "CREATE TABLE IF NOT EXISTS dividend_digests (declaration_id TEXT NOT NULL PRIMARY KEY, line_count INTEGER NOT NULL, digest TEXT NOT NULL)",
        // Schema version 11 also: the fiscal funds quantified into shares (资金变股金) and what their shares earned per
        // distribution, for the public fund disclosure by county and village.
        """
        CREATE TABLE IF NOT EXISTS fiscal_funds (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, fund_id TEXT NOT NULL, source TEXT NOT NULL, document_no TEXT NOT NULL,
            amount_fen INTEGER NOT NULL, year INTEGER NOT NULL, purpose TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_fiscal_funds_cooperative ON fiscal_funds (cooperative_id, id)",
        """
        CREATE TABLE IF NOT EXISTS fund_dividends (
            declaration_id TEXT NOT NULL, holding_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, fund_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
            shareholder_id TEXT NOT NULL, paid_fen INTEGER NOT NULL, owed_fen INTEGER NOT NULL, PRIMARY KEY (declaration_id, holding_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_fund_dividends_fund ON fund_dividends (cooperative_id, fund_id, fiscal_year)",
        // Schema version 12 (防返贫监测 by area): each cadre's visit (走访) as a row, written by the visit's grain.
        """
        CREATE TABLE IF NOT EXISTS monitoring_visits (
            id TEXT NOT NULL PRIMARY KEY, cadre TEXT NOT NULL, household_id TEXT NOT NULL, head_name TEXT NOT NULL, county_code TEXT NOT NULL,
            village_code TEXT NULL, village TEXT NOT NULL, visited_on TEXT NOT NULL, found_risk INTEGER NOT NULL, case_id TEXT NULL, note TEXT NOT NULL,
            recorded_at TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_monitoring_visits_cadre ON monitoring_visits (cadre, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_visits_household ON monitoring_visits (household_id, id)",
        // Schema version 13 (reviews): each review of a delivered sub-order, and the listings it covers; the ratings are
        // sums over a cooperative's or a listing's rows, read from these indexes alone.
        """
        CREATE TABLE IF NOT EXISTS reviews (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, order_id TEXT NOT NULL, buyer_id TEXT NOT NULL, quality INTEGER NOT NULL,
            freshness INTEGER NOT NULL, packaging INTEGER NOT NULL, delivery INTEGER NOT NULL, comment TEXT NOT NULL, reply TEXT NULL,
            hidden INTEGER NOT NULL, written_at TEXT NOT NULL, sort_key TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_reviews_cooperative ON reviews (cooperative_id, hidden, sort_key)",
        "CREATE INDEX IF NOT EXISTS ix_reviews_sort ON reviews (sort_key)",
        "CREATE TABLE IF NOT EXISTS review_listings (review_id TEXT NOT NULL, listing_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, sort_key TEXT NOT NULL, PRIMARY KEY (review_id, listing_id))",
        "CREATE INDEX IF NOT EXISTS ix_review_listings_listing ON review_listings (listing_id, sort_key)",
        // Schema version 13 (the market's sales): each order's quantity per listing (in thousandths of the unit), and each
        // listing's running totals (sold_milli: what its sale sub-orders hold), moved by delta with each order's write.
        """
        CREATE TABLE IF NOT EXISTS order_lines (
            order_id TEXT NOT NULL, listing_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, quantity_milli INTEGER NOT NULL,
            PRIMARY KEY (order_id, listing_id))
        """,
        "CREATE TABLE IF NOT EXISTS listing_totals (listing_id TEXT NOT NULL, figure TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (listing_id, figure))",
        "CREATE INDEX IF NOT EXISTS ix_listing_totals_figure ON listing_totals (figure, value, listing_id)",
        // Schema version 14 (防返贫监测 dashboards): each case's measures, its outcome, and its household's incomes by year once
        // confirmed (a row per area level), with the running totals the dashboards read per area.
        """
        CREATE TABLE IF NOT EXISTS monitoring_measures (
            case_id TEXT NOT NULL, position INTEGER NOT NULL, household_id TEXT NOT NULL, county_code TEXT NOT NULL, township_code TEXT NULL,
            village_code TEXT NULL, kind TEXT NOT NULL, start_on TEXT NOT NULL, PRIMARY KEY (case_id, position))
        """,
        "CREATE INDEX IF NOT EXISTS ix_monitoring_measures_household ON monitoring_measures (household_id)",
        """
        CREATE TABLE IF NOT EXISTS monitoring_outcomes (
            case_id TEXT NOT NULL PRIMARY KEY, outcome TEXT NOT NULL, month TEXT NOT NULL, county_code TEXT NOT NULL,
            township_code TEXT NULL, village_code TEXT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS monitored_incomes (
            area TEXT NOT NULL, year INTEGER NOT NULL, case_id TEXT NOT NULL, per_capita_fen INTEGER NOT NULL, line_fen INTEGER NOT NULL,
            PRIMARY KEY (area, year, case_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_monitored_incomes_median ON monitored_incomes (area, year, per_capita_fen)",
        "CREATE INDEX IF NOT EXISTS ix_monitored_incomes_case ON monitored_incomes (case_id)",
        "CREATE TABLE IF NOT EXISTS monitoring_totals (area_key TEXT NOT NULL, figure TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (area_key, figure))",
        // Schema version 14 (after-sales, 售后): each case of a delivered sub-order for the buyer's, the cooperative's and the
        // operator's lists (newest first by sort key), and the credit notes the invoice books issue for invoiced orders.
        """
        CREATE TABLE IF NOT EXISTS aftersales_cases (
            id TEXT NOT NULL PRIMARY KEY, order_id TEXT NOT NULL, cooperative_id TEXT NOT NULL, buyer_id TEXT NOT NULL, status TEXT NOT NULL,
            paid_fen INTEGER NOT NULL, requested_fen INTEGER NOT NULL, proposed_fen INTEGER NULL, agreed_fen INTEGER NULL, by_card INTEGER NOT NULL,
            reason TEXT NOT NULL, refund_reference TEXT NULL, requested_at TEXT NOT NULL, updated_at TEXT NOT NULL, sort_key TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_aftersales_buyer ON aftersales_cases (buyer_id, sort_key)",
        "CREATE INDEX IF NOT EXISTS ix_aftersales_cooperative ON aftersales_cases (cooperative_id, sort_key)",
        "CREATE INDEX IF NOT EXISTS ix_aftersales_status ON aftersales_cases (status, sort_key)",
        """
        CREATE TABLE IF NOT EXISTS credit_notes (
            number TEXT NOT NULL PRIMARY KEY, case_key TEXT NOT NULL UNIQUE, cooperative_id TEXT NOT NULL, buyer_id TEXT NOT NULL,
            order_id TEXT NOT NULL, invoice_number TEXT NULL, amount_fen INTEGER NOT NULL, issued_on TEXT NOT NULL, reason TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_credit_notes_buyer ON credit_notes (buyer_id, number)",
        // Schema version 14 also: buyers' complaints about price or quality, for the operators' queue and each cooperative's
        // upheld count in the suspension window.
        """
        CREATE TABLE IF NOT EXISTS complaints (
            id TEXT NOT NULL PRIMARY KEY, cooperative_id TEXT NOT NULL, buyer_id TEXT NOT NULL, order_id TEXT NULL, kind TEXT NOT NULL,
            status TEXT NOT NULL, text TEXT NOT NULL, filed_at TEXT NOT NULL, decided_at TEXT NULL, decision_reason TEXT NULL, sort_key TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_complaints_status ON complaints (status, sort_key)",
        "CREATE INDEX IF NOT EXISTS ix_complaints_cooperative ON complaints (cooperative_id, status, decided_at)",
    ];

    // Schema version 12: the area codes (统计用区划代码) a cadre's or township officer's lists filter on, one column per level,
    // so each level is an equality on an index ordered by id (keyset pages cost by the page).
    public override IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("households", "village_code", "TEXT NULL"),
        ("monitoring_cases", "township_code", "TEXT NULL"),
        ("monitoring_cases", "village_code", "TEXT NULL"),
        // Schema version 13: the listing's cover photo (id, width, height), so market cards and order lines read it with their rows.
        ("listings", "cover_photo_id", "TEXT NULL"),
        ("listings", "cover_width", "INTEGER NULL"),
        ("listings", "cover_height", "INTEGER NULL"),
    ];

    public override IReadOnlyList<string> StatementsAfterColumns { get; } =
    [
        "CREATE INDEX IF NOT EXISTS ix_households_village ON households (village_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_township ON monitoring_cases (township_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_township_stage ON monitoring_cases (township_code, stage, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_village ON monitoring_cases (village_code, id)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_village_stage ON monitoring_cases (village_code, stage, id)",
        // Schema version 13 (防返贫监测 dashboards): counts by category and channel read from the index alone, and the
        // households still without a village code (only their county's officers reach them) found without a scan.
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_category ON monitoring_cases (county_code, category)",
        "CREATE INDEX IF NOT EXISTS ix_monitoring_cases_channel ON monitoring_cases (county_code, channel)",
        "CREATE INDEX IF NOT EXISTS ix_households_no_village ON households (county_code, id) WHERE village_code IS NULL",
    ];

    public override string ColumnExistsSql => "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column";

    // GLOB is case-sensitive (LIKE is not, for ASCII) and, with a literal prefix, SQLite turns it into an index range.
    // Its wildcards * ? [ are escaped as one-character classes.
    public override (string Condition, object Value) StartsWith(string column, string parameterName, string prefix) =>
        ($"{column} GLOB {parameterName}", EscapeGlob(prefix) + "*");

    public override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task InitializeConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The pragmas are per connection (journal_mode is stored in the file) and a pooled connection keeps them, so they
        // run once per physical connection, not on every open: reads that open a connection each (a grain's activation)
        // then cost one statement, not two.
        var handle = ((SqliteConnection)connection).Handle!;
        if (Initialized.TryGetValue(handle, out _)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        // Counted by the engine (StorageMetrics).
        SQLitePCL.raw.sqlite3_commit_hook(handle, OnCommit, null);
        SQLitePCL.raw.sqlite3_update_hook(handle, OnRowWritten, null);
        Initialized.AddOrUpdate(handle, Marker);
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Initialized = new();
    private static readonly object Marker = new();

    private static readonly SQLitePCL.delegate_commit OnCommit = _ =>
    {
        StorageMetrics.Committed();
        return 0; // 0: go on and commit
    };

    private static readonly SQLitePCL.delegate_update OnRowWritten = (_, _, _, _, _) => StorageMetrics.RowWritten();

    public override bool SingleWriter => true;

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock now (waiting up to busy_timeout). A deferred transaction that
        // reads first and writes later can get SQLITE_BUSY with no retry when another writer got there first.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return ValueTask.FromResult(transaction);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintPrimaryKey or ConstraintUnique };

    // SQLite has no timestamp type: round-trip ISO 8601 in UTC so text order is time order.
    public override object ToDbTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // Dates are stored as the provider writes a DateOnly (yyyy-MM-dd); a query compares them as that same text.
    public override object ToDbDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EscapeGlob(string text)
    {
        if (text.AsSpan().IndexOfAny('*', '?', '[') < 0)
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[')
            {
                escaped.Append('[').Append(c).Append(']');
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
