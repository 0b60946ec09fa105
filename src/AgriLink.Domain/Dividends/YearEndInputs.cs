using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// What a year's distribution is computed from. <see cref="NonMemberTradeFen"/> is shown on the statement
/// and never allocated (law Art. 44: member and non-member trade are accounted separately).
/// <see cref="VillageCollectiveId"/> receives coordination fees and is required when the charter has any.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.YearEndInputs")]
public sealed record YearEndInputs(
    [property: Id(0)] int FiscalYear,
    [property: Id(1)] long SurplusFen,
    [property: Id(2)] long PriorLossesFen,
    [property: Id(3)] long ProfitPerMuFen,
    [property: Id(4)] string? VillageCollectiveId,
    [property: Id(5)] IReadOnlyList<MemberTrade> MemberTrades,
    [property: Id(6)] IReadOnlyList<HoldingPosition> Holdings,
    [property: Id(7)] long NonMemberTradeFen = 0)
{
    /// <summary>¥100 billion: far above any cooperative, and low enough that no sum of amounts can overflow.</summary>
    public const long MaxFen = 10_000_000_000_000;

    public void Validate(Charter charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        var v = new Validator()
            .Range("fiscalYear", FiscalYear, 2000, 9998)
            .Range("surplusFen", SurplusFen, -MaxFen, MaxFen)
            .Range("priorLossesFen", PriorLossesFen, 0, MaxFen)
            .Range("profitPerMuFen", ProfitPerMuFen, -MaxFen, MaxFen)
            .Range("nonMemberTradeFen", NonMemberTradeFen, 0, MaxFen)
            .Text("villageCollectiveId", VillageCollectiveId, 40, required: charter.Floors.Any(r => r.IsDeduction));
        if (MemberTrades is null) v.Add("memberTrades", "is required (it may be empty).");
        else
        {
            for (var i = 0; i < MemberTrades.Count; i++)
            {
                var t = MemberTrades[i];
                if (t is null) { v.Add($"memberTrades[{i}]", "is required."); continue; }
                v.Text($"memberTrades[{i}].memberId", t.MemberId, 40)
                    .Range($"memberTrades[{i}].memberTradeFen", t.MemberTradeFen, 0, MaxFen);
            }
            var duplicate = MemberTrades.Where(t => t is not null).GroupBy(t => t.MemberId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) v.Add("memberTrades", $"lists member '{duplicate.Key}' more than once; give one total per member.");
        }
        if (Holdings is null) v.Add("holdings", "is required (it may be empty).");
        else
        {
            for (var i = 0; i < Holdings.Count; i++)
            {
                var h = Holdings[i];
                if (h is null) { v.Add($"holdings[{i}]", "is required."); continue; }
                v.Text($"holdings[{i}].holdingId", h.HoldingId, 100)
                    .Text($"holdings[{i}].shareholderId", h.ShareholderId, 40)
                    .Range($"holdings[{i}].shares", h.Shares, 1, MaxFen)
                    .Range($"holdings[{i}].areaMilliMu", h.AreaMilliMu, 0, MaxFen)
                    .Range($"holdings[{i}].principalFen", h.PrincipalFen, 0, MaxFen)
                    .Range($"holdings[{i}].holdingYear", h.HoldingYear, 1, 1000);
            }
            var duplicate = Holdings.Where(h => h is not null).GroupBy(h => h.HoldingId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) v.Add("holdings", $"lists holding '{duplicate.Key}' more than once.");
        }
        v.ThrowIfInvalid();
    }
}
