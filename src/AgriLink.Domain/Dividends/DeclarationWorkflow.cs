using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// Draft → Approved (by an admin other than the preparer) → Publicised (公示, at least the charter's notice
/// days, counted inclusive of both ends) → approved by the member assembly (after the notice ends, with no objection
/// open: the law gives the surplus distribution plan to the assembly) → Paid. Members
/// object only during the notice; an upheld objection sends the declaration back to draft to be
/// recomputed and approved again. Anything else is refused with a <see cref="RuleViolationException"/>.
/// </summary>
public static class DeclarationWorkflow
{
    public static Declaration Draft(string declarationId, int fiscalYear, string preparedBy, DateOnly preparedOn)
    {
        new Validator()
            .Text("declarationId", declarationId, 100)
            .Range("fiscalYear", fiscalYear, 2000, 9998)
            .Text("preparedBy", preparedBy, 100)
            .ThrowIfInvalid();
        return new(declarationId.Trim(), fiscalYear, DeclarationStatus.Draft, preparedBy.Trim(), preparedOn, []);
    }

    public static Declaration Approve(Declaration declaration, string approver, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Expect(declaration, DeclarationStatus.Draft, "approve");
        new Validator().Text("approver", approver, 100).ThrowIfInvalid();
        if (string.Equals(approver.Trim(), declaration.PreparedBy, StringComparison.OrdinalIgnoreCase))
            throw new RuleViolationException("declaration.four-eyes",
                $"{approver.Trim()} prepared this declaration; a different admin must approve it.");
        if (on < declaration.PreparedOn)
            throw ValidationFailedException.For("on", $"must not be before the declaration was prepared ({declaration.PreparedOn:yyyy-MM-dd}).");
        return declaration with { Status = DeclarationStatus.Approved, ApprovedBy = approver.Trim(), ApprovedOn = on };
    }

    public static Declaration Publicise(Declaration declaration, DateOnly noticeStart, DateOnly noticeEnd, int minimumNoticeDays)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Expect(declaration, DeclarationStatus.Approved, "publicise");
        var days = noticeEnd.DayNumber - noticeStart.DayNumber + 1;
        new Validator()
            .Range("minimumNoticeDays", minimumNoticeDays, 1, 90)
            .Check(noticeStart >= declaration.ApprovedOn!.Value, "noticeStart",
                $"must not be before the approval ({declaration.ApprovedOn:yyyy-MM-dd}).")
            .Check(days >= minimumNoticeDays, "noticeEnd",
                $"must leave a notice period of at least {minimumNoticeDays} days counting both ends; {noticeStart:yyyy-MM-dd} to {noticeEnd:yyyy-MM-dd} is {Math.Max(days, 0)}.")
            .ThrowIfInvalid();
        return declaration with { Status = DeclarationStatus.Publicised, NoticeStart = noticeStart, NoticeEnd = noticeEnd };
    }

    /// <param name="isMember">Whether <paramref name="memberId"/> is a member of the cooperative; only members may object.</param>
    public static Declaration FileObjection(Declaration declaration, string objectionId, string memberId, bool isMember, string text, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Expect(declaration, DeclarationStatus.Publicised, "object to");
        new Validator()
            .Text("objectionId", objectionId, 100)
            .Text("memberId", memberId, 40)
            .Text("text", text, 2000)
            .ThrowIfInvalid();
        if (!isMember)
            throw new RuleViolationException("declaration.not-a-member", $"{memberId} is not a member of the cooperative and cannot object.");
        if (on < declaration.NoticeStart || on > declaration.NoticeEnd)
            throw new RuleViolationException("declaration.outside-notice",
                $"Objections are taken during the public notice, {declaration.NoticeStart:yyyy-MM-dd} to {declaration.NoticeEnd:yyyy-MM-dd}; {on:yyyy-MM-dd} is outside it.");
        if (declaration.Objections.Any(o => o.ObjectionId == objectionId.Trim()))
            throw new RuleViolationException("declaration.duplicate-objection", $"Objection {objectionId.Trim()} is already filed.");
        var objection = new Objection(objectionId.Trim(), memberId.Trim(), on, text.Trim());
        return declaration with { Objections = declaration.Objections.Append(objection).ToArray() };
    }

    public static Declaration ResolveObjection(Declaration declaration, string objectionId, ObjectionOutcome outcome, string admin, string resolution, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Status == DeclarationStatus.Paid) throw Illegal(declaration, "resolve an objection to");
        new Validator()
            .Check(Enum.IsDefined(outcome), "outcome", "is not a known outcome.")
            .Text("admin", admin, 100)
            .Text("resolution", resolution, 2000)
            .ThrowIfInvalid();
        var objection = declaration.Objections.FirstOrDefault(o => o.ObjectionId == objectionId)
            ?? throw new NotFoundException("objection", objectionId);
        if (!objection.IsOpen)
            throw new RuleViolationException("declaration.objection-resolved",
                $"Objection {objectionId} was already resolved on {objection.ResolvedOn:yyyy-MM-dd}.");
        if (on < objection.FiledOn)
            throw ValidationFailedException.For("on", $"must not be before the objection was filed ({objection.FiledOn:yyyy-MM-dd}).");

        var resolved = objection with { Outcome = outcome, ResolvedBy = admin.Trim(), ResolvedOn = on, Resolution = resolution.Trim() };
        var next = declaration with { Objections = declaration.Objections.Select(o => o.ObjectionId == objectionId ? resolved : o).ToArray() };
        // An upheld objection means the numbers change: recompute, approve and publicise again.
        return outcome == ObjectionOutcome.Upheld
            ? next with { Status = DeclarationStatus.Draft, ApprovedBy = null, ApprovedOn = null, NoticeStart = null, NoticeEnd = null, AssemblyResolution = null, ResolvedOn = null }
            : next;
    }

    /// <summary>Checks payment may start on <paramref name="on"/>: publicised, notice over, no objection open, the assembly's resolution passed.</summary>
    public static void EnsureCanPay(Declaration declaration, DateOnly on)
    {
        EnsureReadyForAssembly(declaration, on);
        if (declaration.AssemblyResolution is null)
            throw new RuleViolationException("declaration.no-resolution",
                $"{declaration.FiscalYear} 年度盈余分配方案尚未经成员大会决议通过：方案经四眼审批和公示、异议处理完毕后，须由成员大会（或成员代表大会）以成员表决权总数过半数通过，才能发放。");
    }

    /// <summary>
    /// Records the member assembly's passed resolution on this plan (<paramref name="resolution"/>: assembly key/resolution id).
    /// The assembly decides the plan as it was publicised: after the notice, with every objection settled. Once recorded,
    /// another passed resolution changes nothing.
    /// </summary>
    public static Declaration RecordResolution(Declaration declaration, string resolution, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Status == DeclarationStatus.Paid || declaration.AssemblyResolution is not null) return declaration;
        new Validator().Text("resolution", resolution, 200).ThrowIfInvalid();
        EnsureReadyForAssembly(declaration, on);
        return declaration with { AssemblyResolution = resolution.Trim(), ResolvedOn = on };
    }

    /// <summary>The plan may go before the assembly on <paramref name="on"/>: publicised, notice over, no objection open.</summary>
    public static void EnsureReadyForAssembly(Declaration declaration, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Expect(declaration, DeclarationStatus.Publicised, "pay");
        if (on <= declaration.NoticeEnd)
            throw new RuleViolationException("declaration.notice-running",
                $"The public notice runs until {declaration.NoticeEnd:yyyy-MM-dd}; payment can start the day after.");
        var open = declaration.Objections.Where(o => o.IsOpen).Select(o => o.ObjectionId).ToArray();
        if (open.Length > 0)
            throw new RuleViolationException("declaration.objections-open",
                $"Objections {string.Join(", ", open)} are still open; an admin must resolve them before payment.");
    }

    public static Declaration MarkPaid(Declaration declaration, string paidBy, DateOnly on)
    {
        EnsureCanPay(declaration, on);
        new Validator().Text("paidBy", paidBy, 100).ThrowIfInvalid();
        return declaration with { Status = DeclarationStatus.Paid, PaidBy = paidBy.Trim(), PaidOn = on };
    }

    private static void Expect(Declaration declaration, DeclarationStatus status, string verb)
    {
        if (declaration.Status != status) throw Illegal(declaration, verb);
    }

    private static RuleViolationException Illegal(Declaration declaration, string verb) =>
        new("declaration.illegal-transition", $"Cannot {verb} a declaration that is {declaration.Status}.");
}
