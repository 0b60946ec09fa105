using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Assemblies;

/// <summary>
/// Calling an assembly, online ballots (each member once, changeable until the close), the close and count, or the record
/// of a held meeting. Every resolution is decided against ALL votes of the roll (<see cref="AssemblyRules"/>).
/// </summary>
public static class AssemblyWorkflow
{
    public const int MaxResolutions = 20;

    /// <summary>Pages of a signed attendance sheet and minutes kept per held meeting.</summary>
    public const int MaxSheetPhotos = 6;

    public static Assembly Call(string assemblyId, string title, AssemblyMode mode, VoteRoll roll, IReadOnlyList<string> voters,
        IReadOnlyList<ResolutionDraft> drafts, string calledBy, DateTimeOffset now, DateTimeOffset? closesAt)
    {
        var v = new Validator()
            .Text("title", title, 200)
            .Check(Enum.IsDefined(mode), "mode", "is not a known assembly mode.")
            .Check(drafts is { Count: > 0 and <= MaxResolutions }, "resolutions", $"must list between 1 and {MaxResolutions} resolutions.")
            .Check(mode != AssemblyMode.Online || (closesAt is { } end && end > now && end <= now.AddDays(31)), "closesAt",
                "must be in the future, at most 31 days ahead, for an online assembly.")
            .Check(!(mode == AssemblyMode.Online && roll.Representative), "mode", "a representative assembly is held, not voted online.");
        for (var i = 0; i < (drafts?.Count ?? 0); i++)
        {
            var d = drafts![i];
            if (d is null) { v.Add($"resolutions[{i}]", "is required."); continue; }
            v.Check(Enum.IsDefined(d.Subject), $"resolutions[{i}].subject", "is not a known resolution subject.")
             .Text($"resolutions[{i}].title", d.Title, 200)
             .Check(d.Subject != ResolutionSubject.DistributionPlan || d.FiscalYear is >= 2000 and <= 9998, $"resolutions[{i}].fiscalYear",
                 "must name the fiscal year of the distribution plan.");
        }
        v.ThrowIfInvalid();
        var resolutions = drafts!.Select((d, i) => new Resolution($"r{i + 1}", d.Subject, d.Title!.Trim(),
            d.Subject == ResolutionSubject.DistributionPlan ? d.FiscalYear : null)).ToList();
        return new Assembly(assemblyId, title.Trim(), mode, AssemblyStatus.Open, roll, voters, resolutions, calledBy, now,
            mode == AssemblyMode.Online ? closesAt : null);
    }

    /// <summary>A member's ballot, new or replacing the member's earlier one (the count of changes is kept for the audit).</summary>
    public static Ballot Cast(Assembly assembly, Ballot? earlier, string memberId, IReadOnlyDictionary<string, VoteChoice> choices, DateTimeOffset now) =>
        Cast(assembly, earlier, memberId, choices, now, assembly?.Voters.Contains(memberId, StringComparer.Ordinal) == true);

    /// <summary>
    /// As above, where the voters are kept apart from the meeting (<paramref name="isVoter"/>: the member was on the roll
    /// of online voters when the assembly was called).
    /// </summary>
    public static Ballot Cast(Assembly assembly, Ballot? earlier, string memberId, IReadOnlyDictionary<string, VoteChoice> choices, DateTimeOffset now,
        bool isVoter)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.Mode != AssemblyMode.Online)
            throw new RuleViolationException("assembly.not-online", "这是现场召开的成员大会，表决结果由管理员按现场计票录入，不能在线投票。");
        if (assembly.Status != AssemblyStatus.Open || now >= assembly.ClosesAt)
            throw new RuleViolationException("assembly.closed", $"在线表决已于 {assembly.ClosesAt ?? assembly.ClosedAt:yyyy-MM-dd HH:mm} 截止，不能再投票或改票。");
        if (!isVoter)
            throw new RuleViolationException("assembly.not-a-voter", "只有召开时在册的本社成员可以表决。");
        var v = new Validator().Check(choices is { Count: > 0 }, "choices", "must choose on at least one resolution.");
        foreach (var (resolution, choice) in choices ?? new Dictionary<string, VoteChoice>())
        {
            v.Check(assembly.Resolutions.Any(r => r.ResolutionId == resolution), "choices", $"names no resolution of this assembly: '{resolution}'.")
             .Check(Enum.IsDefined(choice), "choices", "must be Yes, No or Abstain.");
        }
        v.ThrowIfInvalid();
        return new Ballot(memberId, new Dictionary<string, VoteChoice>(choices!, StringComparer.Ordinal), now, earlier is null ? 0 : earlier.Changes + 1);
    }

    /// <summary>
    /// Closes online voting at or after its end and counts: those present are the members who voted. Without a quorum
    /// nothing passes, and the assembly says why.
    /// </summary>
    public static Assembly Close(Assembly assembly, IReadOnlyCollection<Ballot> ballots, string actor, DateTimeOffset now, int charterOrdinaryBp, int charterSpecialBp)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ExpectOpen(assembly, AssemblyMode.Online);
        if (now < assembly.ClosesAt)
            throw new RuleViolationException("assembly.voting-open", $"在线表决到 {assembly.ClosesAt:yyyy-MM-dd HH:mm} 截止，截止前不能结束计票。");
        var present = ballots.Count;
        var counts = assembly.Resolutions.ToDictionary(r => r.ResolutionId, r => Count(assembly.Roll, ballots, r.ResolutionId), StringComparer.Ordinal);
        return Decided(assembly, present, counts, null, actor, now, charterOrdinaryBp, charterSpecialBp, refuseWithoutQuorum: false);
    }

    /// <summary>The record of a held meeting: attendance, the hand-count per resolution, the minutes. Refused without a quorum.</summary>
    public static Assembly RecordHeld(Assembly assembly, int present, IReadOnlyDictionary<string, ResolutionCount> counts, string minutes,
        string actor, DateTimeOffset now, int charterOrdinaryBp, int charterSpecialBp)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ExpectOpen(assembly, AssemblyMode.Held);
        var v = new Validator().Text("minutes", minutes, 20_000);
        foreach (var r in assembly.Resolutions)
            v.Check(counts?.ContainsKey(r.ResolutionId) == true, "counts", $"must give the count of resolution '{r.ResolutionId}'.");
        v.ThrowIfInvalid();
        return Decided(assembly, present, counts!, minutes.Trim(), actor, now, charterOrdinaryBp, charterSpecialBp, refuseWithoutQuorum: true);
    }

    private static Assembly Decided(Assembly assembly, int present, IReadOnlyDictionary<string, ResolutionCount> counts, string? minutes,
        string actor, DateTimeOffset now, int ordinaryBp, int specialBp, bool refuseWithoutQuorum)
    {
        var seats = assembly.Roll.Seats;
        string? quorumNote = null;
        if (refuseWithoutQuorum) AssemblyRules.EnsureQuorum(present, seats, assembly.Roll.Representative);
        else if (!AssemblyRules.HasQuorum(present, seats))
            quorumNote = $"出席 {present} 人，不足{(assembly.Roll.Representative ? "成员代表总数" : "成员总数")} {seats} 人的三分之二，{AssemblyRules.QuorumRule}，各项决议均未通过。";
        var resolutions = assembly.Resolutions.Select(r =>
        {
            var count = counts[r.ResolutionId];
            var outcome = AssemblyRules.Decide(r.Subject, count, assembly.Roll.TotalVotes, ordinaryBp, specialBp);
            if (quorumNote is not null) outcome = outcome with { Passed = false, Rule = AssemblyRules.QuorumRule, Explanation = quorumNote };
            return r with { Count = count, Outcome = outcome };
        }).ToList();
        return assembly with
        {
            Status = AssemblyStatus.Closed, Resolutions = resolutions, Present = present, Minutes = minutes,
            ClosedBy = actor, ClosedAt = now, QuorumNote = quorumNote,
        };
    }

    /// <summary>
    /// Keeps a photo of the signed attendance sheet or minutes of a held meeting, before or after its record (the photo is
    /// often taken at the meeting and uploaded later). The same photo twice is kept once.
    /// </summary>
    public static Assembly AddSheetPhoto(Assembly assembly, Photos.Photo photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (assembly?.SheetPhotos?.Any(p => p.Id == photo.Id) == true) return assembly;
        EnsureSheetAccepts(assembly!);
        return assembly! with { SheetPhotos = [.. assembly.SheetPhotos ?? [], photo] };
    }

    /// <summary>Refuses a sheet photo for an online assembly, or beyond <see cref="MaxSheetPhotos"/>.</summary>
    public static void EnsureSheetAccepts(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.Mode != AssemblyMode.Held)
            throw new RuleViolationException("assembly.not-held", "这是在线表决的成员大会，没有现场签到表。");
        if ((assembly.SheetPhotos?.Count ?? 0) >= MaxSheetPhotos)
            throw new RuleViolationException("assembly.sheet-full", $"每次会议最多保存 {MaxSheetPhotos} 张签到表和会议记录照片。");
    }

    /// <summary>Removes a sheet photo (one taken by mistake) while the meeting is not yet recorded; after it the record stands.</summary>
    public static Assembly RemoveSheetPhoto(Assembly assembly, string photoId)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.SheetPhotos?.Any(p => p.Id == photoId) != true) throw new NotFoundException("photo", photoId);
        if (assembly.Status != AssemblyStatus.Open)
            throw new RuleViolationException("assembly.closed", $"成员大会已于 {assembly.ClosedAt:yyyy-MM-dd HH:mm} 录入结果，签到表照片作为会议记录保存，不能删除。");
        return assembly with { SheetPhotos = assembly.SheetPhotos.Where(p => p.Id != photoId).ToList() };
    }

    private static ResolutionCount Count(VoteRoll roll, IEnumerable<Ballot> ballots, string resolutionId)
    {
        int yes = 0, no = 0, abstain = 0;
        foreach (var ballot in ballots)
        {
            if (!ballot.Choices.TryGetValue(resolutionId, out var choice)) continue;
            var votes = roll.VotesOf(ballot.MemberId);
            switch (choice)
            {
                case VoteChoice.Yes: yes += votes; break;
                case VoteChoice.No: no += votes; break;
                default: abstain += votes; break;
            }
        }
        return new ResolutionCount(yes, no, abstain);
    }

    private static void ExpectOpen(Assembly assembly, AssemblyMode mode)
    {
        if (assembly.Status != AssemblyStatus.Open)
            throw new RuleViolationException("assembly.closed", $"成员大会已于 {assembly.ClosedAt:yyyy-MM-dd HH:mm} 结束计票，结果不能更改。");
        if (assembly.Mode != mode)
            throw new RuleViolationException(mode == AssemblyMode.Held ? "assembly.not-held" : "assembly.not-online",
                mode == AssemblyMode.Held ? "这是在线表决的成员大会，由在线投票计票，不能录入现场计票。" : "这是现场召开的成员大会，表决结果由管理员按现场计票录入。");
    }
}
