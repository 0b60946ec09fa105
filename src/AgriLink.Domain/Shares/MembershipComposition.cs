using AgriLink.Domain.Cooperatives;

namespace AgriLink.Domain.Shares;

/// <summary>
/// Law Art. 20: farmers are at least 80% of members; with 20 members or fewer there may be one
/// enterprise, institution or social-organisation member, above 20 such members are at most 5%.
/// Village collectives and enterprises count as such organisations; households and individuals do not.
/// </summary>
public static class MembershipComposition
{
    private const int FarmerMinimumPercent = 80;
    private const int SmallCooperativeLimit = 20;
    private const int CorporateMaximumPercent = 5;

    public static CompositionReport Check(IReadOnlyList<CooperativeMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var total = members.Count;
        var farmers = members.Count(m => m.IsFarmer);
        var corporate = members.Count(m => m.Kind is MemberKind.Enterprise or MemberKind.VillageCollective);

        var farmerRule = total > 0 && farmers * 100L >= total * (long)FarmerMinimumPercent;
        var corporateRule = total > SmallCooperativeLimit
            ? corporate * 100L <= total * (long)CorporateMaximumPercent
            : corporate <= 1;
        var shareBp = total == 0 ? 0 : (int)(farmers * 10_000L / total);

        var messages = new List<string>();
        if (total == 0) messages.Add("The cooperative has no members.");
        else if (!farmerRule)
            messages.Add($"Farmers are {farmers} of {total} members; at least 80% ({(total * FarmerMinimumPercent + 99) / 100}) are required.");
        if (!corporateRule)
            messages.Add(total > SmallCooperativeLimit
                ? $"{corporate} of {total} members are enterprises or other organisations; above 20 members at most 5% ({total * CorporateMaximumPercent / 100}) are allowed."
                : $"{corporate} of {total} members are enterprises or other organisations; with 20 members or fewer at most one is allowed.");
        if (messages.Count == 0)
            messages.Add($"Composition meets the law: {farmers} of {total} members are farmers, {corporate} are organisations.");
        return new(total, farmers, shareBp, corporate, farmerRule, corporateRule, messages.ToArray());
    }
}
