using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Domain.Tests.AfterSales;

/// <summary>The after-sales window (7 days after delivery, to the second), the amount cap, and which step follows which.</summary>
public sealed class AfterSalesRulesTests
{
    private static readonly DateTimeOffset Delivered = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private static AfterSalesCase Ask(DateTimeOffset now, long amount = 500, long paid = 1_000, long refunded = 0, AfterSalesCase? existing = null, DateTimeOffset? delivered = null) =>
        AfterSalesRules.Request("ord-1", "coop-a", "buyer-a", paid, refunded, false, delivered ?? Delivered, existing, amount, " 烂果 ", null, now);

    [Fact]
    public void TheWindowClosesSevenDaysAfterTheDelivery()
    {
        Assert.Equal("烂果", Ask(Delivered.AddDays(7)).Reason);
        var late = Assert.Throws<RuleViolationException>(() => Ask(Delivered.AddDays(7).AddSeconds(1)));
        Assert.Equal("aftersales.window-closed", late.Code);
        Assert.Equal("aftersales.not-delivered", Assert.Throws<RuleViolationException>(() =>
            AfterSalesRules.Request("ord-1", "coop-a", "b", 1_000, 0, false, null, null, 5, "x", null, Delivered)).Code);
        Assert.Equal("aftersales.exists", Assert.Throws<RuleViolationException>(() => Ask(Delivered.AddDays(1), existing: Ask(Delivered))).Code);
    }

    [Fact]
    public void NoMoreThanPaidLessRefundedIsAskedOrDecided()
    {
        Assert.Equal(700, Ask(Delivered, amount: 700, refunded: 300).RequestedFen);
        var over = Assert.Throws<RuleViolationException>(() => Ask(Delivered, amount: 701, refunded: 300));
        Assert.Equal("aftersales.amount-exceeds", over.Code);
        Assert.True(over.Unprocessable);
        Assert.Contains("amountFen", Assert.Throws<ValidationFailedException>(() => Ask(Delivered, amount: 0)).Errors.Keys);
        var escalated = AfterSalesRules.Escalate(AfterSalesRules.Refuse(Ask(Delivered), "不是我们的问题", "coop", Delivered), null, "buyer", Delivered);
        Assert.Equal("aftersales.amount-exceeds",
            Assert.Throws<RuleViolationException>(() => AfterSalesRules.Decide(escalated, 1_001, "全额", "op", Delivered)).Code);
        Assert.Equal(AfterSalesStatus.Closed, AfterSalesRules.Decide(escalated, 0, "证据不足", "op", Delivered).Status);
        Assert.Equal(1_000, AfterSalesRules.Decide(escalated, 1_000, "全额退款", "op", Delivered).AgreedFen);
    }

    [Fact]
    public void EachStepFollowsOnlyItsOwnPredecessor()
    {
        var asked = Ask(Delivered);
        var proposed = AfterSalesRules.Propose(asked, 200, "退一半", "coop", Delivered);
        Assert.Equal(200, AfterSalesRules.AcceptProposal(proposed, "buyer", Delivered).AgreedFen);
        Assert.Equal(500, AfterSalesRules.Accept(asked, "coop", Delivered).AgreedFen);
        Assert.Contains("amountFen", Assert.Throws<ValidationFailedException>(() => AfterSalesRules.Propose(asked, 500, "同额", "coop", Delivered)).Errors.Keys);
        foreach (var wrong in new Func<AfterSalesCase>[]
                 {
                     () => AfterSalesRules.Accept(proposed, "coop", Delivered),
                     () => AfterSalesRules.AcceptProposal(asked, "buyer", Delivered),
                     () => AfterSalesRules.Escalate(asked, null, "buyer", Delivered),
                     () => AfterSalesRules.Decide(proposed, 1, "x", "op", Delivered),
                     () => AfterSalesRules.Refunded(asked, "re_1", Delivered),
                 })
            Assert.Equal(AfterSalesRules.WrongState, Assert.Throws<RuleViolationException>(wrong).Code);
        var refunded = AfterSalesRules.Refunded(AfterSalesRules.Accept(asked, "coop", Delivered), "re_1", Delivered);
        Assert.Equal((AfterSalesStatus.Refunded, "re_1"), (refunded.Status, refunded.RefundReference));
        Assert.False(refunded.Open);
    }
}
