using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Assemblies;

/// <summary>
/// Votes at a member assembly under the Farmers' Specialized Cooperatives Law (2017 revision): one member, one basic
/// vote; members with large capital or trade may hold additional votes as the charter provides, but all additional votes
/// together never exceed 20% of all basic votes.
/// </summary>
public static class VotingRules
{
    /// <summary>How the cap is shared when requests exceed it; the charter's text, shown with every roll.</summary>
    public const string CapSharing =
        "附加表决权总票数不超过基本表决权总票数的百分之二十（不足一票的部分舍去）。各成员申请的附加票数合计超过上限时，" +
        "上限按各成员申请票数的比例分配：先分给每人按比例计算的整数票，剩余票数按余数从大到小逐票分配，余数相同的按成员编号顺序（字典序）在先者优先。";

    /// <summary>The most additional votes an assembly may hold: 20% of the basic votes, rounded down to whole votes.</summary>
    public static int AdditionalCap(int basicVotes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basicVotes);
        return basicVotes / 5;
    }

    /// <summary>
    /// What each member asks for under the charter: one additional vote per <paramref name="sharesPerAdditionalVote"/>
    /// shares held (none when the charter grants none, i.e. 0).
    /// </summary>
    public static IReadOnlyDictionary<string, int> RequestsByShares(IEnumerable<(string MemberId, long Shares)> holdings, int sharesPerAdditionalVote)
    {
        if (sharesPerAdditionalVote <= 0) return new Dictionary<string, int>(StringComparer.Ordinal);
        return holdings.GroupBy(h => h.MemberId, StringComparer.Ordinal)
            .Select(g => (Member: g.Key, Votes: (int)Math.Min(int.MaxValue, g.Sum(h => h.Shares) / sharesPerAdditionalVote)))
            .Where(r => r.Votes > 0)
            .ToDictionary(r => r.Member, r => r.Votes, StringComparer.Ordinal);
    }

    /// <summary>
    /// The roll of an assembly of <paramref name="memberIds"/>: requests are granted whole when they fit under the cap;
    /// otherwise the cap is shared by largest remainder as <see cref="CapSharing"/> says, so the grants sum to the cap
    /// exactly and the same requests always give the same grants. Requests of non-members are ignored.
    /// </summary>
    public static VoteRoll Roll(IReadOnlyCollection<string> memberIds, IReadOnlyDictionary<string, int> requested)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(requested);
        var members = memberIds.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var cap = AdditionalCap(members.Count);
        var asks = requested.Where(r => members.Contains(r.Key))
            .Select(r => r.Value < 0 ? throw ValidationFailedException.For("requested", "must not be negative.") : r)
            .Where(r => r.Value > 0)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        long total = asks.Sum(r => (long)r.Value);
        if (total <= cap)
            return new VoteRoll(members.Count, cap, asks.Select(r => new VoteGrant(r.Key, r.Value, r.Value)).ToList());

        // Shares of the cap: floor(cap × ask / total) each, then one more vote to each of the largest remainders.
        var grants = new int[asks.Count];
        var remainders = new long[asks.Count];
        var left = cap;
        for (var i = 0; i < asks.Count; i++)
        {
            var product = (long)cap * asks[i].Value;
            grants[i] = (int)(product / total);
            remainders[i] = product % total;
            left -= grants[i];
        }
        // The asks are in member-id order, so a stable sort by remainder breaks ties by member id.
        foreach (var i in Enumerable.Range(0, asks.Count).OrderByDescending(i => remainders[i]).Take(left)) grants[i]++;
        return new VoteRoll(members.Count, cap, asks.Select((r, i) => new VoteGrant(r.Key, r.Value, grants[i])).ToList());
    }

    /// <summary>
    /// A representative assembly (成员代表大会): allowed only above 150 members when the charter sets the group size; one
    /// representative per group of up to <paramref name="groupSize"/> members, each with one vote, and never fewer than
    /// 51 representatives (Art. 32 of the 2017 text: usually a tenth of the members, at least 51).
    /// </summary>
    public static VoteRoll Representatives(int memberCount, int groupSize)
    {
        if (memberCount <= RepresentativeThreshold)
            throw new RuleViolationException("assembly.representatives-too-few",
                $"成员 {memberCount} 人，未超过 {RepresentativeThreshold} 人，不能由成员代表大会代行成员大会职权（农民专业合作社法第三十二条：成员超过一百五十人的，可以按照章程规定设立成员代表大会）。", unprocessable: true);
        if (groupSize <= 0)
            throw new RuleViolationException("assembly.representatives-not-in-charter",
                "章程未规定成员代表大会的代表产生办法（每若干名成员选举一名代表），不能召开成员代表大会。", unprocessable: true);
        var seats = (memberCount + groupSize - 1) / groupSize;
        if (seats < MinimumRepresentatives)
            throw new RuleViolationException("assembly.representatives-too-few-seats",
                $"成员 {memberCount} 人，章程规定每 {groupSize} 人选举一名代表，只有 {seats} 名代表，少于 {MinimumRepresentatives} 人" +
                $"（农民专业合作社法第三十二条：成员代表人数一般为成员总人数的百分之十，最低人数为五十一人），不能召开成员代表大会。", unprocessable: true);
        return new VoteRoll(seats, 0, [], Representative: true);
    }

    public const int RepresentativeThreshold = 150;

    /// <summary>The fewest representatives a representative assembly may have (2017 text, Art. 32).</summary>
    public const int MinimumRepresentatives = 51;
}
