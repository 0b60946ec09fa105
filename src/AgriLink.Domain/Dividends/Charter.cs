using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// A cooperative's distribution settings (章程). Rates are basis points (100 bp = 1%). The law returns at
/// least 60% of the distributable surplus by trade, so <see cref="TradeReturnRateBp"/> below 6000 is refused.
/// Each share class has at most one floor rule and at most one coordination fee.
/// The assembly's votes: <see cref="SharesPerAdditionalVote"/> shares give a member one additional vote (0: none), capped
/// and shared as <see cref="VotingRules.CapSharing"/> says; <see cref="OrdinaryMajorityBp"/> and
/// <see cref="SpecialMajorityBp"/> raise the law's thresholds (0: the law's); <see cref="RepresentativeGroupSize"/> members
/// elect one representative when the cooperative has more than 150 members (0: no representative assembly).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Charter")]
public sealed record Charter(
    [property: Id(0)] int ReserveRateBp,
    [property: Id(1)] int WelfareRateBp,
    [property: Id(2)] int TradeReturnRateBp,
    [property: Id(3)] ShortfallPolicy ShortfallPolicy,
    [property: Id(4)] IReadOnlyList<FloorRule> Floors,
    [property: Id(5)] PreferredExitPolicy PreferredExitPolicy,
    [property: Id(6)] int PreferredFloorBp,
    [property: Id(7)] int FiscalYearEndMonth = 12,
    [property: Id(8)] int NoticeDays = 7,
    [property: Id(9)] int SharesPerAdditionalVote = 0,
    [property: Id(10)] int OrdinaryMajorityBp = 0,
    [property: Id(11)] int SpecialMajorityBp = 0,
    [property: Id(12)] int RepresentativeGroupSize = 0)
{
    public const int LawMinimumTradeReturnBp = 6_000;

    public FloorRule? FloorFor(ShareClass shareClass) => Floors.FirstOrDefault(r => r.ShareClass == shareClass && !r.IsDeduction);

    public FloorRule? CoordinationFeeFor(ShareClass shareClass) => Floors.FirstOrDefault(r => r.ShareClass == shareClass && r.IsDeduction);

    public void Validate()
    {
        var v = new Validator()
            .Range("reserveRateBp", ReserveRateBp, 0, 10_000)
            .Range("welfareRateBp", WelfareRateBp, 0, 10_000)
            .Check((long)ReserveRateBp + WelfareRateBp <= 10_000, "welfareRateBp", "together with the reserve rate must not exceed 10000 (100%).")
            .Check(TradeReturnRateBp is >= LawMinimumTradeReturnBp and <= 10_000, "tradeReturnRateBp",
                "must be between 6000 and 10000: the cooperative law returns at least 60% of the distributable surplus by members' trade.")
            .Check(Enum.IsDefined(ShortfallPolicy), "shortfallPolicy", "is not a known shortfall policy.")
            .Check(Enum.IsDefined(PreferredExitPolicy), "preferredExitPolicy", "is not a known preferred-share exit policy.")
            .Range("preferredFloorBp", PreferredFloorBp, 0, 10_000)
            .Range("fiscalYearEndMonth", FiscalYearEndMonth, 1, 12)
            .Range("noticeDays", NoticeDays, 1, 90)
            .Range("sharesPerAdditionalVote", SharesPerAdditionalVote, 0, int.MaxValue)
            .Check(OrdinaryMajorityBp is 0 or (>= 5_000 and <= 10_000), "ordinaryMajorityBp",
                "must be 0 (the law's: more than half of all votes) or a higher threshold between 5000 and 10000.")
            .Check(SpecialMajorityBp is 0 or (>= 6_667 and <= 10_000), "specialMajorityBp",
                "must be 0 (the law's: two thirds of all votes) or a higher threshold between 6667 and 10000.")
            .Range("representativeGroupSize", RepresentativeGroupSize, 0, 150);
        if (Floors is null)
        {
            v.Add("floors", "is required (it may be empty).");
        }
        else
        {
            for (var i = 0; i < Floors.Count; i++)
            {
                if (Floors[i] is null) v.Add($"floors[{i}]", "is required.");
                else Floors[i].Validate(v, $"floors[{i}]");
            }
            var duplicate = Floors.Where(r => r is not null)
                .GroupBy(r => (r.ShareClass, r.IsDeduction))
                .FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                v.Add("floors", duplicate.Key.IsDeduction
                    ? $"'{duplicate.Key.ShareClass}' has more than one coordination fee."
                    : $"'{duplicate.Key.ShareClass}' has more than one floor rule.");
        }
        v.ThrowIfInvalid();
    }
}
