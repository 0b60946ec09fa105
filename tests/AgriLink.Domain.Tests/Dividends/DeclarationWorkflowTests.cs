using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using Xunit;
using static AgriLink.Domain.Dividends.DeclarationWorkflow;

namespace AgriLink.Domain.Tests.Dividends;

public class DeclarationWorkflowTests
{
    private static readonly DateOnly Day1 = new(2024, 1, 10);

    private static Declaration Publicised() =>
        Publicise(Approve(Draft("dd-2023", 2023, "admin-li", Day1), "admin-wang", Day1.AddDays(1)), Day1.AddDays(2), Day1.AddDays(8), 7);

    /// <summary>The member assembly's passed resolution on the plan, recorded the day after the notice.</summary>
    private static Declaration Resolved(Declaration declaration) =>
        RecordResolution(declaration, "coop-a:asm-1/r1", Day1.AddDays(9));

    [Fact]
    public void DeclarationGoesFromDraftThroughNoticeToPaid()
    {
        var paid = MarkPaid(Resolved(Publicised()), "admin-li", Day1.AddDays(9));

        Assert.Equal(DeclarationStatus.Paid, paid.Status);
        Assert.Equal(("admin-wang", Day1.AddDays(2), Day1.AddDays(8), Day1.AddDays(9)), (paid.ApprovedBy, paid.NoticeStart!.Value, paid.NoticeEnd!.Value, paid.PaidOn!.Value));
    }

    [Theory]
    [InlineData("admin-li")]
    [InlineData(" ADMIN-LI ")]
    public void PreparerCannotApproveTheirOwnDeclaration(string approver) =>
        Assert.Equal("declaration.four-eyes", Assert.Throws<RuleViolationException>(() =>
            Approve(Draft("dd-2023", 2023, "admin-li", Day1), approver, Day1)).Code);

    [Fact]
    public void NoticeShorterThanTheCharterDaysIsRefused()
    {
        var approved = Approve(Draft("dd-2023", 2023, "admin-li", Day1), "admin-wang", Day1);

        var error = Assert.Throws<ValidationFailedException>(() => Publicise(approved, Day1, Day1.AddDays(5), 7));
        Assert.Contains("noticeEnd", error.Errors.Keys);
        Assert.Equal(DeclarationStatus.Publicised, Publicise(approved, Day1, Day1.AddDays(6), 7).Status);
    }

    [Fact]
    public void OpenObjectionBlocksPaymentUntilResolved()
    {
        var objected = FileObjection(Publicised(), "obj-1", "hh-a", isMember: true, "我家是 6 亩，不是 5 亩", Day1.AddDays(3));

        Assert.Equal("declaration.objections-open",
            Assert.Throws<RuleViolationException>(() => MarkPaid(objected, "admin-li", Day1.AddDays(9))).Code);

        var dismissed = ResolveObjection(objected, "obj-1", ObjectionOutcome.Dismissed, "admin-wang", "Register shows 5 mu.", Day1.AddDays(4));
        Assert.False(dismissed.HasOpenObjections);
        Assert.Equal(DeclarationStatus.Paid, MarkPaid(Resolved(dismissed), "admin-li", Day1.AddDays(9)).Status);
    }

    [Fact]
    public void UpheldObjectionSendsTheDeclarationBackToDraft()
    {
        var objected = FileObjection(Publicised(), "obj-1", "hh-a", isMember: true, "面积错了", Day1.AddDays(3));

        var upheld = ResolveObjection(objected, "obj-1", ObjectionOutcome.Upheld, "admin-wang", "Area corrected to 6 mu.", Day1.AddDays(4));

        Assert.Equal(DeclarationStatus.Draft, upheld.Status);
        Assert.Null(upheld.ApprovedBy);
        Assert.Equal(ObjectionOutcome.Upheld, Assert.Single(upheld.Objections).Outcome);
    }

    [Fact]
    public void ObjectionsAreTakenOnlyFromMembersDuringTheNotice()
    {
        var declaration = Publicised();

        Assert.Equal("declaration.not-a-member", Assert.Throws<RuleViolationException>(() =>
            FileObjection(declaration, "obj-1", "buyer-x", isMember: false, "不同意", Day1.AddDays(3))).Code);
        Assert.Equal("declaration.outside-notice", Assert.Throws<RuleViolationException>(() =>
            FileObjection(declaration, "obj-1", "hh-a", isMember: true, "不同意", Day1.AddDays(9))).Code);
    }

    [Fact]
    public void PaymentWaitsForTheNoticeToEnd() =>
        Assert.Equal("declaration.notice-running", Assert.Throws<RuleViolationException>(() =>
            MarkPaid(Publicised(), "admin-li", Day1.AddDays(8))).Code);

    [Fact]
    public void IllegalTransitionsAreRefusedWithTheCurrentStatus()
    {
        var draft = Draft("dd-2023", 2023, "admin-li", Day1);
        var paid = MarkPaid(Resolved(Publicised()), "admin-li", Day1.AddDays(9));

        var error = Assert.Throws<RuleViolationException>(() => Publicise(draft, Day1, Day1.AddDays(7), 7));
        Assert.Equal(("declaration.illegal-transition", "Cannot publicise a declaration that is Draft."), (error.Code, error.Message));
        Assert.Throws<RuleViolationException>(() => MarkPaid(draft, "admin-li", Day1));
        Assert.Throws<RuleViolationException>(() => Approve(paid, "admin-zhao", Day1.AddDays(10)));
        Assert.Throws<RuleViolationException>(() => MarkPaid(paid, "admin-li", Day1.AddDays(10)));
    }

    [Fact]
    public void PaymentWithoutTheAssemblysResolutionIsRefusedNamingTheRule()
    {
        var refused = Assert.Throws<RuleViolationException>(() => MarkPaid(Publicised(), "admin-li", Day1.AddDays(9)));

        Assert.Equal("declaration.no-resolution", refused.Code);
        Assert.Contains("成员大会", refused.Message);
        Assert.Contains("2023", refused.Message);
    }

    [Fact]
    public void TheAssemblyDecidesOnlyAfterTheNoticeWithObjectionsSettled()
    {
        Assert.Equal("declaration.notice-running", Assert.Throws<RuleViolationException>(() =>
            RecordResolution(Publicised(), "coop-a:asm-1/r1", Day1.AddDays(8))).Code);
        var objected = FileObjection(Publicised(), "obj-1", "hh-a", isMember: true, "面积错了", Day1.AddDays(3));
        Assert.Equal("declaration.objections-open", Assert.Throws<RuleViolationException>(() =>
            RecordResolution(objected, "coop-a:asm-1/r1", Day1.AddDays(9))).Code);
        Assert.Equal("declaration.illegal-transition", Assert.Throws<RuleViolationException>(() =>
            RecordResolution(Approve(Draft("dd-2023", 2023, "admin-li", Day1), "admin-wang", Day1), "coop-a:asm-1/r1", Day1.AddDays(9))).Code);

        var resolved = Resolved(Publicised());
        Assert.Equal(("coop-a:asm-1/r1", Day1.AddDays(9)), (resolved.AssemblyResolution, resolved.ResolvedOn!.Value));
        // A second passed resolution changes nothing.
        Assert.Same(resolved, RecordResolution(resolved, "coop-a:asm-2/r1", Day1.AddDays(10)));
    }
}
