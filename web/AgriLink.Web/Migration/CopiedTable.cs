using System.Data.Common;
using AgriLink.Storage;
using NpgsqlTypes;

namespace AgriLink.Web.Migration;

/// <summary>
/// One AgriLink table as the migration copies it: its columns in order, how each is read from SQLite and written
/// by PostgreSQL's binary COPY, and the identity column whose sequence must continue after the copied ids.
/// The read-model tables are not copied: they are not stamped as filled in the target (the projection version stays
/// behind in the source's metadata), so the first silo on PostgreSQL fills them from the copied grain states. Rows that are
/// the record itself (member trade, invoices, share register history, assembly ballots, credit notes) are copied.
/// </summary>
public sealed record CopiedTable(
    string Table, string Title, IReadOnlyList<CopiedColumn> Columns, string OrderBy, string? IdentityColumn = null, string? Where = null)
{
    /// <summary>Every AgriLink table with data worth keeping (schema_version is the target's own).</summary>
    public static IReadOnlyList<CopiedTable> All { get; } =
    [
        new("meta", "Metadata", [Text("key"), Text("value")], "key", Where: $"key <> '{Storage.Projections.ProjectionRebuilder.VersionKey}'"),
        new("grain_state", "Grain state",
            [Text("state_name"), Text("grain_id"), Text("grain_type"), Int("version"), Bytes("payload"), Time("updated_at")], "state_name, grain_id"),
        new("reminder", "Reminders",
            [Text("service_id"), Text("grain_id"), Text("reminder_name"), Int("grain_hash"), Time("start_at"), Int("period_ticks"), Int("version")],
            "service_id, grain_id, reminder_name"),
        new("ledger_transfer", "Ledger transfers",
            [Int("id"), Text("idempotency_key"), Text("memo"), Time("occurred_at"), Time("recorded_at")], "id", IdentityColumn: "id"),
        new("ledger_posting", "Ledger postings",
            [Int("id"), Int("transfer_id"), Text("account"), Int("amount_fen")], "id", IdentityColumn: "id"),
        new("audit_log", "Audit log",
            [Int("id"), Time("at"), Text("actor"), Text("action"), Text("resource_type"), Text("resource_id"), Text("before_json"), Text("after_json")],
            "id", IdentityColumn: "id"),
        new("outbox", "Outbox (domain events)",
            [Int("seq"), Text("topic"), Text("name"), Text("resource"), Int("sequence"), Time("at"), Text("data")], "seq", IdentityColumn: "seq"),
        new("outbox_consumer", "Outbox consumer positions", [Text("consumer"), Int("position"), Time("updated_at")], "consumer"),
        // Deliveries are rows of their own (not derived from a state): copied like the ledger.
        new("member_trade", "Member trade (deliveries)",
            [Text("cooperative_id"), Int("fiscal_year"), Text("reference"), Int("position"), Text("member_id"), Int("amount_fen"), Date("trade_date"),
                Text("source"), Text("note")], "cooperative_id, fiscal_year, position"),
        // Invoices too: their books no longer hold them, so no silo could fill these from the copied states.
        new("invoices", "Invoices",
            [Text("number"), Text("cooperative_id"), Text("seller_name"), Text("buyer_id"), Text("buyer_name"), Text("period"), Date("issued_on"),
                Int("total_fen"), Text("status"), Text("paid_reference"), Int("paid_fen"), Date("paid_received_on"), Text("paid_recorded_by"),
                Time("paid_recorded_at")], "number"),
        new("invoice_documents", "Invoices (whole)",
            [Text("number"), Text("cooperative_id"), Text("buyer_id"), Text("period"), Text("document")], "number"),
        new("share_events", "Share register history",
            [Text("cooperative_id"), Int("sequence"), Date("event_date"), Text("type"), Text("document")], "cooperative_id, sequence"),
        // An online assembly's voters and ballots: its state keeps only the turnout.
        new("assembly_voters", "Assembly voters", [Text("assembly_id"), Text("member_id")], "assembly_id, member_id"),
        new("assembly_ballots", "Assembly ballots", [Text("assembly_id"), Text("member_id"), Text("cast_at"), Text("ballot")], "assembly_id, member_id"),
        // Credit notes for after-sales refunds of invoiced orders: the invoice books number them and keep no copy.
        new("credit_notes", "Credit notes",
            [Text("number"), Text("case_key"), Text("cooperative_id"), Text("buyer_id"), Text("order_id"), Text("invoice_number"), Int("amount_fen"),
                Date("issued_on"), Text("reason")], "number"),
    ];

    public string SelectSql => $"SELECT {ColumnList} FROM {Table}{(Where is null ? "" : " WHERE " + Where)} ORDER BY {OrderBy}";

    public string CopySql => $"COPY {Table} ({ColumnList}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Moves the identity sequence past the copied ids, so the next insert does not collide with one.</summary>
    public string? ContinueIdentitySql => IdentityColumn is null
        ? null
        : $"SELECT setval(pg_get_serial_sequence('{Table}', '{IdentityColumn}'), COALESCE(MAX({IdentityColumn}), 1), MAX({IdentityColumn}) IS NOT NULL) FROM {Table}";

    private string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    private static CopiedColumn Text(string name) => new(name, NpgsqlDbType.Text, (_, r, i) => r.GetString(i));

    private static CopiedColumn Int(string name) => new(name, NpgsqlDbType.Bigint, (_, r, i) => r.GetInt64(i));

    private static CopiedColumn Date(string name) =>
        new(name, NpgsqlDbType.Date, (_, r, i) => DateOnly.Parse(r.GetString(i), System.Globalization.CultureInfo.InvariantCulture));

    private static CopiedColumn Bytes(string name) => new(name, NpgsqlDbType.Bytea, (_, r, i) => r.GetFieldValue<byte[]>(i));

    // Each engine reads its own timestamp format (ISO text in SQLite) and the target writes UTC TIMESTAMPTZ.
    private static CopiedColumn Time(string name) => new(name, NpgsqlDbType.TimestampTz, (db, r, i) => db.Dialect.ReadTimestamp(r, i).ToUniversalTime());
}

/// <summary>A column: its name, its PostgreSQL type, and how to read a non-null value from the source.</summary>
public sealed record CopiedColumn(string Name, NpgsqlDbType Type, Func<AgriLinkDatabase, DbDataReader, int, object> Read);
