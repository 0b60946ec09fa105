using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Tests.Shares;

/// <summary>Holdings of the kinds Guizhou villages registered, built the same way in every test.</summary>
internal static class RegisterSamples
{
    public static readonly DateOnly Start = new(2021, 3, 1);

    public static ShareRegister Empty() => ShareRegister.Empty("coop-jiaxi");

    public static Holding Cash(string id, string holder, long shares, DateOnly? on = null, ShareholderKind kind = ShareholderKind.Household) =>
        new(id, holder, kind, ShareClass.Cash, shares, shares * 100_00, on ?? Start, $"GQ-{id}");

    public static Holding Land(string id, string holder, long shares, long milliMu, DateOnly? on = null) =>
        new(id, holder, ShareholderKind.Household, ShareClass.LandRight, shares, shares * 100_00, on ?? Start, $"GQ-{id}",
            Land: new LandParcel($"P-{id}", milliMu, new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31)));

    public static Holding Fiscal(string id, string holder, long shares, bool preferred = false, DateOnly? on = null) =>
        new(id, holder, ShareholderKind.Household, ShareClass.FiscalFund, shares, shares * 100_00, on ?? Start, $"GQ-{id}",
            Preferred: preferred, FundId: "fund-2021-poverty");

    public static ShareRegister With(this ShareRegister register, params Holding[] holdings) =>
        holdings.Aggregate(register, (r, h) => r.Issue(h, "admin-li", "founding contribution"));
}
