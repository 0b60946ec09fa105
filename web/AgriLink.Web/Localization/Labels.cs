using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using Invoices = AgriLink.Domain.Invoices;
using Offtake = AgriLink.Domain.Offtake;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Quantities;
using AgriLink.Domain.Shares;

namespace AgriLink.Web.Localization;

/// <summary>
/// The Chinese name of each value the pages show; being Chinese, it is also the key the English resource translates
/// (<c>T[Labels.Of(status)]</c>).
/// </summary>
public static class Labels
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "已下单",
        OrderStatus.AwaitingPayment => "待付款",
        OrderStatus.Paid => "已付款",
        OrderStatus.Shipped => "已发货",
        OrderStatus.Delivered => "已送达",
        OrderStatus.Completed => "已完成",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Refunded => "已退款",
        _ => status.ToString(),
    };

    public static string Of(ListingStatus status) => status switch
    {
        ListingStatus.Draft => "草稿",
        ListingStatus.Active => "在售",
        ListingStatus.Paused => "已暂停",
        ListingStatus.SoldOut => "已售罄",
        ListingStatus.Archived => "已下架",
        _ => status.ToString(),
    };

    public static string Of(ProduceCategory category) => ProduceCategories.ChineseName(category);

    public static string Of(AdmissionStatus status) => status switch
    {
        AdmissionStatus.NotApplied => "未申请",
        AdmissionStatus.Applied => "已申请",
        AdmissionStatus.CountyRecommended => "县级已推荐",
        AdmissionStatus.Approved => "已准入",
        AdmissionStatus.Suspended => "已暂停",
        AdmissionStatus.Rejected => "已驳回",
        _ => status.ToString(),
    };

    public static string Of(AdmissionAction action) => action switch
    {
        AdmissionAction.Apply => "申请",
        AdmissionAction.Recommend => "县级推荐",
        AdmissionAction.Approve => "批准准入",
        AdmissionAction.Reject => "驳回",
        AdmissionAction.Suspend => "暂停",
        AdmissionAction.Reinstate => "恢复",
        AdmissionAction.Decline => "县级不予推荐",
        _ => action.ToString(),
    };

    public static string Of(AdmissionSuspensionReason reason) => reason switch
    {
        AdmissionSuspensionReason.PriceComplaint => "价格投诉",
        AdmissionSuspensionReason.QualityComplaint => "质量投诉",
        _ => "其他",
    };

    public static string Of(Carrier carrier) => carrier switch
    {
        Carrier.SfExpress => "顺丰速运",
        Carrier.ChinaPostEms => "中国邮政EMS",
        Carrier.JdLogistics => "京东物流",
        Carrier.Zto => "中通快递",
        Carrier.Yto => "圆通速递",
        Carrier.Sto => "申通快递",
        Carrier.Yunda => "韵达快递",
        Carrier.JtExpress => "极兔速递",
        Carrier.Deppon => "德邦快递",
        Carrier.OwnVehicle => "自有车辆送货",
        _ => carrier.ToString(),
    };

    public static string Of(PaymentMethod method) => method == PaymentMethod.Card ? "银行卡支付" : "对公转账（月结发票）";

    public static string Of(Unit unit) => Units.ChineseName(unit);

    public static string Of(ShareClass shareClass) => shareClass switch
    {
        ShareClass.LandRight => "土地经营权入股",
        ShareClass.ForestRight => "林权入股",
        ShareClass.CollectiveAsset => "集体资产量化股",
        ShareClass.FiscalFund => "财政资金量化股",
        ShareClass.LoanBacked => "扶贫贷款入股",
        ShareClass.Cash => "现金入股",
        ShareClass.EnterpriseInvestment => "企业投资股",
        ShareClass.LabourSkill => "劳务技术股",
        _ => shareClass.ToString(),
    };

    public static string Of(Domain.Monitoring.IncomeSource source) => source switch
    {
        Domain.Monitoring.IncomeSource.MemberTrade => "交售收入",
        Domain.Monitoring.IncomeSource.Dividends => "分红",
        Domain.Monitoring.IncomeSource.GuaranteedFloor => "保底分红",
        Domain.Monitoring.IncomeSource.OfftakeTopUp => "订单保底补差",
        Domain.Monitoring.IncomeSource.Wages => "务工收入",
        Domain.Monitoring.IncomeSource.Transfers => "转移性收入",
        Domain.Monitoring.IncomeSource.OtherProduction => "其他生产经营收入",
        _ => source.ToString(),
    };

    public static string Of(Domain.Monitoring.CaseStage stage) => stage switch
    {
        Domain.Monitoring.CaseStage.Reported => "待村级评议",
        Domain.Monitoring.CaseStage.VillageReviewed => "待乡镇审核",
        Domain.Monitoring.CaseStage.TownshipChecked => "待县级确认",
        Domain.Monitoring.CaseStage.Confirmed => "待落实帮扶措施",
        Domain.Monitoring.CaseStage.Assisting => "帮扶中",
        Domain.Monitoring.CaseStage.RiskEliminated => "风险已消除",
        Domain.Monitoring.CaseStage.Closed => "已销号",
        _ => "不纳入监测",
    };

    public static string Of(Domain.Monitoring.DiscoveryChannel channel) => channel switch
    {
        Domain.Monitoring.DiscoveryChannel.SelfReport => "农户自主申报",
        Domain.Monitoring.DiscoveryChannel.CadreVisit => "干部走访排查",
        Domain.Monitoring.DiscoveryChannel.DepartmentData => "部门筛查预警",
        _ => "平台收入预警",
    };

    public static string Of(Domain.Monitoring.DepartmentDataKind kind) => kind switch
    {
        Domain.Monitoring.DepartmentDataKind.Medical => "医疗自付",
        Domain.Monitoring.DepartmentDataKind.DisasterLoss => "灾害损失",
        _ => "民政救助",
    };

    /// <summary>Why an imported row found no household.</summary>
    public static string ImportUnmatched(string reason) => reason switch
    {
        "ambiguous" => "同村同名农户不止一户",
        "outside-area" => "不在本县",
        _ => "未找到农户",
    };

    /// <summary>What a confirmed row did.</summary>
    public static string ImportEffect(string effect) => effect switch
    {
        "expense" => "已计入刚性支出",
        "case" => "已登记监测案件",
        _ => "已有未结案件",
    };

    public static string Of(Domain.Monitoring.MonitoringCategory category) => category switch
    {
        Domain.Monitoring.MonitoringCategory.UnstableExited => "脱贫不稳定户",
        Domain.Monitoring.MonitoringCategory.Marginal => "边缘易致贫户",
        _ => "突发严重困难户",
    };

    public static string Of(Domain.Monitoring.CaseAction action) => action switch
    {
        Domain.Monitoring.CaseAction.VillageReview => "村级评议",
        Domain.Monitoring.CaseAction.TownshipCheck => "乡镇审核",
        Domain.Monitoring.CaseAction.CountyConfirm => "县级确认",
        Domain.Monitoring.CaseAction.Dismiss => "不纳入监测",
        Domain.Monitoring.CaseAction.AddMeasure => "落实帮扶措施",
        Domain.Monitoring.CaseAction.EliminateRisk => "认定风险消除",
        _ => "销号",
    };

    public static string Of(Domain.Monitoring.MeasureKind kind) => kind switch
    {
        Domain.Monitoring.MeasureKind.IndustrySupport => "产业帮扶",
        Domain.Monitoring.MeasureKind.Employment => "就业帮扶",
        Domain.Monitoring.MeasureKind.OfftakePriority => "优先收购",
        Domain.Monitoring.MeasureKind.PreferredShare => "优先股",
        Domain.Monitoring.MeasureKind.MedicalAssistance => "医疗救助",
        Domain.Monitoring.MeasureKind.EducationAssistance => "教育资助",
        Domain.Monitoring.MeasureKind.SocialAssistance => "社会救助",
        _ => "其他",
    };

    public static string Of(Domain.Monitoring.RigidExpense kind) => kind switch
    {
        Domain.Monitoring.RigidExpense.Medical => "医疗自付支出",
        Domain.Monitoring.RigidExpense.Education => "教育支出",
        Domain.Monitoring.RigidExpense.DisasterLoss => "灾害损失",
        _ => kind.ToString(),
    };

    public static string Of(FloorKind kind) => kind switch
    {
        FloorKind.PerMu => "每亩保底（元/亩）",
        FloorKind.PercentOfPrincipal => "按本金比例保底（%）",
        FloorKind.PercentOfProfitPerMu => "按亩均利润比例保底（%）",
        FloorKind.CoordinationFeePerMu => "村集体统筹费（元/亩）",
        _ => kind.ToString(),
    };

    public static string Of(ShortfallPolicy policy) => policy switch
    {
        ShortfallPolicy.ProRataCut => "按比例削减保底",
        ShortfallPolicy.CarryAsLiability => "不足部分挂账，以后年度补足",
        _ => policy.ToString(),
    };

    public static string Of(PreferredExitPolicy policy) => policy switch
    {
        PreferredExitPolicy.ConvertToOrdinary => "脱贫后转为普通股",
        PreferredExitPolicy.ReassignToPoorHouseholds => "脱贫后调整给其他困难户",
        _ => policy.ToString(),
    };

    public static string Of(DividendComponentKind kind) => kind switch
    {
        DividendComponentKind.TradeReturn => "按交易量返还",
        DividendComponentKind.Floor => "保底分红",
        DividendComponentKind.CollectiveDeduction => "集体提留",
        DividendComponentKind.CoordinationFee => "统筹费",
        DividendComponentKind.FloorLiability => "保底兑付",
        DividendComponentKind.SecondRound => "二次分红",
        _ => kind.ToString(),
    };

    public static string Of(DeclarationStatus status) => status switch
    {
        DeclarationStatus.Draft => "草案",
        DeclarationStatus.Approved => "已审批",
        DeclarationStatus.Publicised => "公示中",
        DeclarationStatus.Paid => "已发放",
        _ => status.ToString(),
    };

    public static string Of(CooperativeOffice office) => office switch
    {
        CooperativeOffice.Chair => "理事长",
        CooperativeOffice.Director => "理事",
        CooperativeOffice.Supervisor => "监事",
        CooperativeOffice.None => "无职务",
        _ => office.ToString(),
    };

    public static string Of(MemberKind kind) => kind switch
    {
        MemberKind.Household => "农户",
        MemberKind.VillageCollective => "村集体",
        MemberKind.Enterprise => "企业",
        MemberKind.Individual => "个人",
        _ => kind.ToString(),
    };

    public static string Of(ShareholderKind kind) => kind switch
    {
        ShareholderKind.Household => "农户",
        ShareholderKind.VillageCollective => "村集体",
        ShareholderKind.Enterprise => "企业",
        ShareholderKind.OtherMember => "其他成员",
        _ => kind.ToString(),
    };

    /// <summary>A role's name for people (the role's code name is for the code).</summary>
    public static string Role(string role) => role switch
    {
        Auth.Roles.PlatformAdmin => "平台运营",
        Auth.Roles.CooperativeAdmin => "合作社管理员",
        Auth.Roles.EnterpriseAdmin => "龙头企业管理员",
        Auth.Roles.Household => "农户",
        Auth.Roles.Buyer => "采购方",
        Auth.Roles.CountyOfficer => "县乡村振兴部门",
        Auth.Roles.TownshipOfficer => "乡镇干部",
        Auth.Roles.VillageCadre => "村干部、驻村第一书记",
        Auth.Roles.RegionOfficer => "市、省乡村振兴部门",
        _ => role,
    };

    /// <summary>Who acted on an order, as the order's history records them ("buyer.canteen (Buyer)").</summary>
    public static string OrderActorRole(string role) => role switch
    {
        nameof(Domain.Orders.ActorRole.Buyer) => "采购方",
        nameof(Domain.Orders.ActorRole.Cooperative) => "合作社",
        nameof(Domain.Orders.ActorRole.Platform) => "平台运营",
        nameof(Domain.Orders.ActorRole.System) => "系统",
        _ => role,
    };

    public static string Of(Invoices.InvoiceStatus status) => status == Invoices.InvoiceStatus.Paid ? "已到账" : "已开票";

    public static string Of(Offtake.OfftakeStatus status) => status switch
    {
        Offtake.OfftakeStatus.Proposed => "待确认",
        Offtake.OfftakeStatus.Active => "履行中",
        Offtake.OfftakeStatus.Completed => "已完成",
        Offtake.OfftakeStatus.Terminated => "已终止",
        Offtake.OfftakeStatus.Declined => "已拒绝",
        _ => status.ToString(),
    };

    public static string Of(Grains.Matching.DemandStatus status) => status switch
    {
        Grains.Matching.DemandStatus.Open => "进行中",
        Grains.Matching.DemandStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    /// <summary>The part of a demand match score (<c>MatchComponent.Component</c>).</summary>
    public static string MatchComponent(string component) => component switch
    {
        "relevance" => "相关度",
        "quantity" => "数量",
        "price" => "价格",
        "delivery" => "交货",
        "poverty" => "帮扶优先",
        "pairing" => "东西部协作",
        "quota" => "预留份额",
        "monitoring" => "防返贫监测",
        _ => component,
    };

    public static string Of(Domain.Assemblies.ResolutionSubject subject) => subject switch
    {
        Domain.Assemblies.ResolutionSubject.DistributionPlan => "盈余分配方案",
        Domain.Assemblies.ResolutionSubject.LossPlan => "亏损处理方案",
        Domain.Assemblies.ResolutionSubject.AnnualReport => "年度报告",
        Domain.Assemblies.ResolutionSubject.Election => "选举和罢免",
        Domain.Assemblies.ResolutionSubject.CharterAmendment => "修改章程",
        Domain.Assemblies.ResolutionSubject.Merger => "合并",
        Domain.Assemblies.ResolutionSubject.Split => "分立",
        Domain.Assemblies.ResolutionSubject.Dissolution => "解散",
        Domain.Assemblies.ResolutionSubject.Federation => "设立或加入联合社",
        _ => "其他事项",
    };

    public static string Of(Domain.Assemblies.AssemblyMode mode) =>
        mode == Domain.Assemblies.AssemblyMode.Online ? "在线表决" : "现场会议";

    public static string Of(Domain.Assemblies.AssemblyStatus status) =>
        status == Domain.Assemblies.AssemblyStatus.Open ? "表决中" : "已计票";

    /// <summary>Fen as yuan: ¥1,234.50.</summary>
    public static string Money(long fen) => (fen < 0 ? "-¥" : "¥") + (Math.Abs(fen) / 100m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Amount(decimal quantity) => quantity.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
