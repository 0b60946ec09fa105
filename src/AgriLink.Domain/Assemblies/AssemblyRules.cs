using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Assemblies;

/// <summary>
/// Quorum and majorities of a member assembly (Farmers' Specialized Cooperatives Law, 2017 revision): valid when at least
/// two thirds of all members (or representatives) are present; a resolution passes with more than half of ALL votes, not
/// of those present; amending the charter, merging, splitting, dissolving and setting up or joining a federation need
/// two thirds of all votes. A charter may set higher thresholds, never lower ones.
/// </summary>
public static class AssemblyRules
{
    public const string QuorumRule = "成员大会须有成员总数三分之二以上出席";
    public const string OrdinaryRule = "决议须经成员表决权总数过半数通过";
    public const string SpecialRule = "修改章程或者合并、分立、解散以及设立、加入联合社的决议须经成员表决权总数三分之二以上通过";

    public static bool IsSpecial(ResolutionSubject subject) =>
        subject is ResolutionSubject.CharterAmendment or ResolutionSubject.Merger or ResolutionSubject.Split
            or ResolutionSubject.Dissolution or ResolutionSubject.Federation;

    public static bool HasQuorum(int present, int seats) => (long)present * 3 >= (long)seats * 2;

    /// <summary>Refuses an assembly without its quorum, naming the figures: "出席 18 人，不足成员总数 30 人的三分之二".</summary>
    public static void EnsureQuorum(int present, int seats, bool representative = false)
    {
        new Validator().Range("present", present, 0, seats).ThrowIfInvalid();
        if (HasQuorum(present, seats)) return;
        var who = representative ? "成员代表总数" : "成员总数";
        throw new RuleViolationException("assembly.no-quorum",
            $"出席 {present} 人，不足{who} {seats} 人的三分之二（至少须 {MinimumPresent(seats)} 人），{QuorumRule}，会议不能作出决议。", unprocessable: true);
    }

    public static int MinimumPresent(int seats) => (int)(((long)seats * 2 + 2) / 3);

    /// <summary>
    /// Decides one resolution from its count against ALL votes of the roll (<paramref name="totalVotes"/>), with the
    /// charter's higher thresholds (basis points; 0 = the law's).
    /// </summary>
    public static ResolutionOutcome Decide(ResolutionSubject subject, ResolutionCount count, int totalVotes, int charterOrdinaryBp = 0, int charterSpecialBp = 0)
    {
        ArgumentNullException.ThrowIfNull(count);
        new Validator()
            .Range("yes", count.Yes, 0, totalVotes)
            .Range("no", count.No, 0, totalVotes)
            .Range("abstain", count.Abstain, 0, totalVotes)
            .Check(count.Cast <= totalVotes, "counts", $"must not add up to more than all {totalVotes} votes.")
            .ThrowIfInvalid();
        long yes = count.Yes, all = totalVotes;
        if (IsSpecial(subject))
        {
            var law = yes * 3 >= all * 2;
            var charter = charterSpecialBp == 0 || yes * 10_000 >= all * charterSpecialBp;
            var rule = charterSpecialBp == 0 ? SpecialRule : $"{SpecialRule}；章程规定须达表决权总数的 {Percent(charterSpecialBp)}";
            return new(law && charter, count.Yes, totalVotes, rule,
                law && charter
                    ? $"赞成 {count.Yes} 票，达到表决权总数 {totalVotes} 票的{Needed(charterSpecialBp, "三分之二")}，通过。"
                    : $"赞成 {count.Yes} 票，未达到表决权总数 {totalVotes} 票的{Needed(charterSpecialBp, "三分之二")}（{rule}），未通过。");
        }
        else
        {
            var law = yes * 2 > all;
            var charter = charterOrdinaryBp == 0 || yes * 10_000 > all * charterOrdinaryBp;
            var rule = charterOrdinaryBp == 0 ? OrdinaryRule : $"{OrdinaryRule}；章程规定须超过表决权总数的 {Percent(charterOrdinaryBp)}";
            return new(law && charter, count.Yes, totalVotes, rule,
                law && charter
                    ? $"赞成 {count.Yes} 票，超过表决权总数 {totalVotes} 票的{Needed(charterOrdinaryBp, "半数")}，通过。"
                    : $"赞成 {count.Yes} 票，未超过表决权总数 {totalVotes} 票的{Needed(charterOrdinaryBp, "半数")}（{rule}，不是出席者的过半数），未通过。");
        }
    }

    private static string Needed(int charterBp, string law) => charterBp == 0 ? law : Percent(charterBp);

    private static string Percent(int bp) => (bp / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
