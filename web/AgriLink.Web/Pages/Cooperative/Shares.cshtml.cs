using AgriLink.Domain.Shares;
using AgriLink.Grains.Common;
using AgriLink.Grains.Shares;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The 三变 share register as of a date (<c>SharesApi.GetRegister</c>) and registering a holding with its certificate
/// (<c>SharesApi.Issue</c>). Money is typed in yuan; land is typed in 亩 and kept in thousandths.
/// </summary>
public sealed class SharesModel(TimeProvider clock) : CooperativePage
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public RegisterView Register { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> MemberNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public string? HoldingId { get; set; }
    [BindProperty] public string? ShareholderId { get; set; }
    [BindProperty] public ShareholderKind ShareholderKind { get; set; } = ShareholderKind.Household;
    [BindProperty] public ShareClass ShareClass { get; set; } = ShareClass.Cash;
    [BindProperty] public long Shares { get; set; }
    [BindProperty, ProblemField("valuationFen")] public string? Valuation { get; set; }
    [BindProperty] public DateOnly IssuedOn { get; set; } = clock.Today();
    [BindProperty] public string? CertificateNo { get; set; }
    [BindProperty] public bool Preferred { get; set; }
    [BindProperty] public string? FundId { get; set; }
    [BindProperty, ProblemField("land"), ProblemField("land.parcelNo")] public string? ParcelNo { get; set; }
    [BindProperty, ProblemField("land.areaMilliMu")] public decimal? AreaMu { get; set; }
    [BindProperty] public DateOnly? LeaseStart { get; set; }
    [BindProperty, ProblemField("land.leaseEnd")] public DateOnly? LeaseEnd { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync()
    {
        await Load();
        HoldingId = $"h-{clock.Now():yyyyMMddHHmmss}";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Load();
        var valuationFen = FormValues.Fen(ModelState, T, nameof(Valuation), Valuation);
        if (!ModelState.IsValid || valuationFen is null) return Page();
        var land = string.IsNullOrWhiteSpace(ParcelNo) && AreaMu is null
            ? null
            : new LandParcel(ParcelNo?.Trim() ?? "", (long)Math.Round((AreaMu ?? 0) * 1000m, MidpointRounding.AwayFromZero),
                LeaseStart ?? IssuedOn, LeaseEnd ?? IssuedOn);
        var holding = new Holding(HoldingId?.Trim() ?? "", ShareholderId?.Trim() ?? "", ShareholderKind, ShareClass, Shares,
            valuationFen.Value, IssuedOn, CertificateNo?.Trim() ?? "", Preferred, land, string.IsNullOrWhiteSpace(FundId) ? null : FundId.Trim());
        Value<RegisterView>(await SharesApi.Issue(Api, coop, new IssueSharesRequest(holding, Reason)));
        return Redirect($"/cooperative/shares?coop={Uri.EscapeDataString(coop)}");
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Register = Value<RegisterView>(await SharesApi.GetRegister(Api, coop, AsOf));
        MemberNames = await MemberNamesOf(coop);
        return coop;
    }
}
