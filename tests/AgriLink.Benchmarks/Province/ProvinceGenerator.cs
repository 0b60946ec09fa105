using System.Data.Common;
using System.Globalization;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Households;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Households;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Grains.Projections;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace AgriLink.Benchmarks.Province;

/// <summary>
/// Writes a province's grain states straight into <c>grain_state</c> of a data folder the app has already created
/// (schema, demo accounts): the real state records, serialized by the serializer the app registers, one row per grain
/// as <c>RelationalGrainStorage</c> would insert it. The read-model tables are left to <c>rebuild-projections</c>.
/// Also appends the audit entries the API would have written for the registrations (households, listings), so the
/// audit list is as long as such a province's would be at least. Everything is deterministic from the index.
/// </summary>
public sealed class ProvinceGenerator
{
    /// <summary>The demo's buyers: the generated orders are theirs, so the timed order list is a real buyer's.</summary>
    public static readonly string[] Buyers = ["buyer-gzcanteen", "buyer-gzunion", "buyer-ewpartner", "buyer-qianneng", "buyer-zhangwei"];

    private const int RowsPerTransaction = 20_000;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "罗", "龙", "杨", "石", "潘"];
    private static readonly string[] Produce = ["刺梨", "猕猴桃", "茶叶", "香菇", "大米", "生态鸡", "辣椒", "天麻", "蓝莓", "百香果"];

    private readonly ProvinceSize _size;
    private readonly DateTimeOffset _now;
    private readonly IReadOnlyList<County> _counties = Regions.Guizhou;

    public ProvinceGenerator(ProvinceSize size, DateTimeOffset now)
    {
        _size = size;
        _now = now;
    }

    public int FiscalYear => _now.Year;

    public static string CooperativeId(int c) => $"coop-pv{c:D6}";

    public static string HouseholdId(int h) => $"hh-pv{h:D7}";

    public static string ListingId(int l) => $"lst-pv{l:D7}";

    public static string OrderId(int o) => $"ord-pv{o:D8}";

    /// <summary>The cooperative household <paramref name="h"/> is a member of: contiguous blocks, ~91 per cooperative.</summary>
    public int CooperativeOfHousehold(int h) => (int)((long)h * _size.Cooperatives / _size.Households);

    public int CooperativeOfListing(int l) => (int)((long)l * _size.Cooperatives / _size.Listings);

    /// <summary>The first household of cooperative <paramref name="c"/> (blocks are contiguous, so this inverts <see cref="CooperativeOfHousehold"/>).</summary>
    public int FirstHousehold(int c) => (int)(((long)c * _size.Households + _size.Cooperatives - 1) / _size.Cooperatives);

    public async Task<GeneratedProvince> WriteAsync(string databaseFile, Action<string> log)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var database = AgriLinkDatabase.Sqlite(databaseFile);
        await using var services = new ServiceCollection()
            .AddSerializer(s => s
                .AddAssembly(typeof(ListingState).Assembly)
                .AddAssembly(typeof(TradeRecord).Assembly)
                .AddAssembly(typeof(ListingDraft).Assembly))
            .AddAgriLinkDatabase(database)
            .AddAgriLinkProjections()
            .AddAgriLinkGrainStorage()
            .BuildServiceProvider();
        var serializer = services.GetRequiredKeyedService<IGrainStorageSerializer>(StorageNames.Main);

        await using var connection = await database.OpenAsync();
        var kinds = await GrainKindsAsync(connection);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var stamp = (string)database.Dialect.ToDbTimestamp(_now);
        await using var writer = new BulkWriter(connection, serializer, kinds, stamp);

        log($"  cooperatives, their admissions and member trade ({_size.Cooperatives:N0} each)");
        for (var c = 0; c < _size.Cooperatives; c++)
        {
            await writer.StateAsync("cooperative", CooperativeId(c), Cooperative(c));
            await writer.StateAsync("cooperative-admission", CooperativeId(c), new CooperativeAdmissionState { Status = AdmissionStatus.Approved });
            var (trade, deliveries) = MemberTrade(c);
            await writer.StateAsync("member-trade", new CooperativeYear(CooperativeId(c), FiscalYear).ToString(), trade);
            for (var i = 0; i < deliveries.Count; i++) await writer.TradeAsync(CooperativeId(c), FiscalYear, i, deliveries[i]);
        }

        log($"  households ({_size.Households:N0}) with their registration audit entries");
        for (var h = 0; h < _size.Households; h++)
        {
            await writer.StateAsync("household", HouseholdId(h), Household(h));
            await writer.AuditAsync("household.register", "household", HouseholdId(h), _now.AddDays(-400).AddSeconds(h));
        }

        log($"  listings ({_size.Listings:N0}) with their audit entries");
        for (var l = 0; l < _size.Listings; l++)
        {
            await writer.StateAsync("listing", ListingId(l), Listing(l));
            await writer.AuditAsync("listing.create", "listing", ListingId(l), _now.AddDays(-380).AddSeconds(l));
        }

        log($"  orders ({_size.Orders:N0}) over the last 365 days");
        for (var o = 0; o < _size.Orders; o++) await writer.StateAsync("order", OrderId(o), Order(o));

        await writer.CommitAsync();
        foreach (var (name, count) in writer.Counts) rows[name] = count;
        return new GeneratedProvince(rows, clock.Elapsed);
    }

    /// <summary>
    /// Grain type and id prefix per state name, as the running app wrote them for the demo (GrainId.ToString() is
    /// "type/key"), so the generated rows are exactly what the grains will look up.
    /// </summary>
    private static async Task<Dictionary<string, string>> GrainKindsAsync(DbConnection connection)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, MIN(grain_type) FROM grain_state GROUP BY state_name";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) kinds[reader.GetString(0)] = reader.GetString(1);
        foreach (var needed in new[] { "cooperative", "cooperative-admission", "member-trade", "household", "listing", "order" })
        {
            if (!kinds.ContainsKey(needed))
                throw new BenchmarkFailedException($"The demo data has no '{needed}' state to learn its grain type from.");
        }

        return kinds;
    }

    private County CountyOf(int c) => _counties[c % _counties.Count];

    private static string Village(int c) => $"合作村{c:D5}";

    private string HeadName(int h) => $"{Surnames[h % Surnames.Length]}户{h}";

    private CooperativeState Cooperative(int c)
    {
        var county = CountyOf(c);
        var profile = new CooperativeProfile(
            $"{county.Name}第{c}号农民专业合作社",
            UnifiedSocialCreditCode.WithCheckCharacter($"93{county.Code}MA{c:D7}"),
            county.Code,
            Village(c),
            $"贵州省{county.Prefecture}{county.Name}{Village(c)}1号",
            $"{Surnames[c % Surnames.Length]}社长",
            $"139{c:D8}",
            new DateOnly(2010, 1, 1).AddDays(c % 5000));
        var first = FirstHousehold(c);
        var next = FirstHousehold(c + 1);
        var members = new List<CooperativeMember>(next - first);
        for (var h = first; h < next; h++)
            members.Add(new CooperativeMember(HouseholdId(h), MemberKind.Household, HeadName(h), IsFarmer: true, new DateOnly(2018, 3, 1), IsOfficer: h == first));
        var registered = _now.AddDays(-500);
        return new CooperativeState { Profile = profile, Members = members, RegisteredAt = registered, UpdatedAt = registered };
    }

    private HouseholdState Household(int h)
    {
        var c = CooperativeOfHousehold(h);
        var profile = new HouseholdProfile(HeadName(h), CountyOf(c).Code, $"{CountyOf(c).Name}镇{c % 17}", Village(c), 1 + h % 6);
        // One in ten on the 2014 register, half of them exited since: the statuses the lists filter on.
        IReadOnlyList<PovertyStatusChange> history = (h % 10) switch
        {
            0 => [new(PovertyStatus.RegisteredPoor, new DateOnly(2014, 10, 1), "建档立卡", "operator")],
            1 => [new(PovertyStatus.RegisteredPoor, new DateOnly(2014, 10, 1), "建档立卡", "operator"),
                  new(PovertyStatus.Exited, new DateOnly(2020, 11, 1), "脱贫", "operator")],
            _ => [],
        };
        var registered = _now.AddDays(-400).AddSeconds(h);
        return new HouseholdState { Profile = profile, History = history, RegisteredAt = registered, UpdatedAt = registered };
    }

    private ListingDraft Draft(int l)
    {
        var c = CooperativeOfListing(l);
        var produce = Produce[l % Produce.Length];
        return new ListingDraft(
            $"{Village(c)}{produce} {l}",
            (ProduceCategory)(l % 10),
            Unit.Kilogram,
            PriceFen: 800 + l % 9000,
            // Ample stock: the timed orders never run a listing out.
            Stock: 1_000_000m,
            MinOrder: 1m,
            CountyOf(c).Code,
            Village(c),
            ProducerIds: [HouseholdId(FirstHousehold(c))]).Normalized();
    }

    private ListingState Listing(int l)
    {
        var created = _now.AddDays(-380).AddSeconds(l);
        return new ListingState { CooperativeId = CooperativeId(CooperativeOfListing(l)), Draft = Draft(l), Status = ListingStatus.Active, CreatedAt = created, UpdatedAt = created };
    }

    /// <summary>
    /// A completed invoice order of one line, placed at an even spread over the last 365 days. Completed with its
    /// trade and quota marked posted, so an order grain that wakes has nothing left to do (and no stock is held).
    /// </summary>
    private OrderState Order(int o)
    {
        var l = (int)((long)o * 7919 % _size.Listings);
        var draft = Draft(l);
        var cooperative = CooperativeId(CooperativeOfListing(l));
        var buyer = Buyers[o % Buyers.Length];
        var placed = _now.AddDays(-365).AddSeconds(365.0 * 86_400 * o / _size.Orders);
        var quantity = 1 + o % 20;
        var amount = draft.PriceFen * quantity;
        var reserved = new ReservedLine(ListingId(l), cooperative, draft.Title, draft.Unit, draft.PriceFen, quantity, amount,
            PovertyCertified: false, draft.ProducerIds ?? [], draft.CountyCode, placed.AddMinutes(30));
        var sub = new SubOrderState
        {
            CooperativeId = cooperative,
            Flow = new SubOrderFlow(PaymentMethod.Invoice, OrderStatus.Completed, Paid: true, Invoiced: true),
            Lines = [new OrderLine(1, reserved)],
            AmountFen = amount,
            CompletedOn = DateOnly.FromDateTime(placed.AddDays(12).UtcDateTime),
            TradePosted = true,
            QuotaPosted = true,
        };
        var by = $"{buyer} (Buyer)";
        var coop = $"{cooperative} (Cooperative)";
        return new OrderState
        {
            Command = new PlaceOrder(buyer, PaymentMethod.Invoice, [new OrderLineRequest(ListingId(l), quantity)], "440103", "广州市荔湾区中山七路1号"),
            PlacedAt = placed,
            SubOrders = [sub],
            History =
            [
                new OrderEvent(placed, "placed", by),
                new OrderEvent(placed.AddDays(2), "shipped", coop, cooperative),
                new OrderEvent(placed.AddDays(4), "delivered", by, cooperative),
                new OrderEvent(placed.AddDays(8), "invoiced", coop, cooperative),
                new OrderEvent(placed.AddDays(12), "paid", coop, cooperative),
                new OrderEvent(placed.AddDays(12), "completed", coop, cooperative),
            ],
        };
    }

    /// <summary>
    /// One delivery per member household in the fiscal year so far (~91 per cooperative): the grain's state (the totals)
    /// and the deliveries, written as rows of <c>member_trade</c> as the grain appends them.
    /// </summary>
    private (MemberTradeState State, List<TradeRecord> Deliveries) MemberTrade(int c)
    {
        var first = FirstHousehold(c);
        var next = FirstHousehold(c + 1);
        var records = new List<TradeRecord>(next - first);
        var start = new DateOnly(FiscalYear, 1, 1);
        var days = Math.Max(1, DateOnly.FromDateTime(_now.UtcDateTime).DayNumber - start.DayNumber);
        for (var h = first; h < next; h++)
            records.Add(new TradeRecord($"dl-{c}-{h}", HouseholdId(h), 5_000 + h % 300_000, start.AddDays(h % days), TradeSource.Manual));
        return (new MemberTradeState().Add(records), records);
    }

    /// <summary>Prepared inserts reused for every row, committed every <see cref="RowsPerTransaction"/> rows.</summary>
    private sealed class BulkWriter : IAsyncDisposable
    {
        private readonly DbConnection _connection;
        private readonly IGrainStorageSerializer _serializer;
        private readonly IReadOnlyDictionary<string, string> _kinds;
        private readonly string _stamp;
        private readonly DbCommand _state;
        private readonly DbCommand _audit;
        private readonly DbCommand _trade;
        private DbTransaction? _transaction;
        private int _pending;

        public BulkWriter(DbConnection connection, IGrainStorageSerializer serializer, IReadOnlyDictionary<string, string> kinds, string stamp)
        {
            _connection = connection;
            _serializer = serializer;
            _kinds = kinds;
            _stamp = stamp;
            _state = Command("INSERT INTO grain_state (state_name, grain_id, grain_type, version, payload, updated_at) VALUES (@s, @g, @t, 1, @p, @u)", "@s", "@g", "@t", "@p", "@u");
            _audit = Command("INSERT INTO audit_log (at, actor, action, resource_type, resource_id, before_json, after_json) VALUES (@at, 'operator', @a, @rt, @ri, NULL, @after)", "@at", "@a", "@rt", "@ri", "@after");
            _trade = Command("INSERT INTO member_trade (cooperative_id, fiscal_year, reference, position, member_id, amount_fen, trade_date, source, note) " +
                             "VALUES (@c, @y, @r, @n, @m, @f, @d, @s, NULL)", "@c", "@y", "@r", "@n", "@m", "@f", "@d", "@s");
        }

        public async Task TradeAsync(string cooperativeId, int fiscalYear, int position, TradeRecord delivery)
        {
            await BeginAsync();
            _trade.Parameters["@c"].Value = cooperativeId;
            _trade.Parameters["@y"].Value = (long)fiscalYear;
            _trade.Parameters["@r"].Value = delivery.Reference;
            _trade.Parameters["@n"].Value = (long)position;
            _trade.Parameters["@m"].Value = (object?)delivery.MemberId ?? DBNull.Value;
            _trade.Parameters["@f"].Value = delivery.AmountFen;
            _trade.Parameters["@d"].Value = delivery.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _trade.Parameters["@s"].Value = delivery.Source.ToString();
            await _trade.ExecuteNonQueryAsync();
            await CountAsync("member_trade");
        }

        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        public async Task StateAsync<T>(string stateName, string key, T state)
        {
            await BeginAsync();
            var type = _kinds[stateName];
            _state.Parameters["@s"].Value = stateName;
            _state.Parameters["@g"].Value = $"{type}/{key}";
            _state.Parameters["@t"].Value = type;
            _state.Parameters["@p"].Value = _serializer.Serialize(state).ToArray();
            _state.Parameters["@u"].Value = _stamp;
            await _state.ExecuteNonQueryAsync();
            await CountAsync(stateName);
        }

        public async Task AuditAsync(string action, string resourceType, string resourceId, DateTimeOffset at)
        {
            await BeginAsync();
            _audit.Parameters["@at"].Value = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            _audit.Parameters["@a"].Value = action;
            _audit.Parameters["@rt"].Value = resourceType;
            _audit.Parameters["@ri"].Value = resourceId;
            _audit.Parameters["@after"].Value = $"{{\"id\":\"{resourceId}\"}}";
            await _audit.ExecuteNonQueryAsync();
            await CountAsync("audit_log");
        }

        public async Task CommitAsync()
        {
            if (_transaction is null) return;
            await _transaction.CommitAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
            _pending = 0;
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null) await _transaction.DisposeAsync();
            await _state.DisposeAsync();
            await _audit.DisposeAsync();
            await _trade.DisposeAsync();
        }

        private DbCommand Command(string sql, params string[] names)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                command.Parameters.Add(p);
            }

            return command;
        }

        private async Task BeginAsync()
        {
            if (_transaction is not null) return;
            _transaction = await _connection.BeginTransactionAsync();
            _state.Transaction = _transaction;
            _audit.Transaction = _transaction;
            _trade.Transaction = _transaction;
        }

        private async Task CountAsync(string name)
        {
            Counts[name] = Counts.GetValueOrDefault(name) + 1;
            if (++_pending >= RowsPerTransaction) await CommitAsync();
        }
    }
}
