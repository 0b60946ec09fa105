using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using Xunit;

namespace AgriLink.Domain.Tests.Orders;

/// <summary>Every sub-order state × action × actor: the legal moves are listed; everything else is refused with its code.</summary>
public class OrderStateMachineTests
{
    private const string Seller = "coop-seller";

    private static readonly Dictionary<string, SubOrderFlow> States = new()
    {
        ["card awaiting"] = new(PaymentMethod.Card, OrderStatus.AwaitingPayment),
        ["card paid"] = new(PaymentMethod.Card, OrderStatus.Paid, Paid: true),
        ["card shipped"] = new(PaymentMethod.Card, OrderStatus.Shipped, Paid: true),
        ["card completed"] = new(PaymentMethod.Card, OrderStatus.Completed, Paid: true),
        ["card cancelled"] = new(PaymentMethod.Card, OrderStatus.Cancelled),
        ["card refund pending"] = new(PaymentMethod.Card, OrderStatus.Cancelled, Paid: true, RefundPending: true),
        ["card refunded"] = new(PaymentMethod.Card, OrderStatus.Refunded, Paid: true),
        ["invoice placed"] = new(PaymentMethod.Invoice, OrderStatus.Placed),
        ["invoice shipped"] = new(PaymentMethod.Invoice, OrderStatus.Shipped),
        ["invoice delivered"] = new(PaymentMethod.Invoice, OrderStatus.Delivered),
        ["invoice invoiced"] = new(PaymentMethod.Invoice, OrderStatus.Delivered, Invoiced: true),
        ["invoice completed"] = new(PaymentMethod.Invoice, OrderStatus.Completed, Paid: true, Invoiced: true),
        ["invoice cancelled"] = new(PaymentMethod.Invoice, OrderStatus.Cancelled),
    };

    private static readonly Dictionary<string, OrderActor> Actors = new()
    {
        ["buyer"] = new(ActorRole.Buyer, "buyer.canteen"),
        ["seller"] = new(ActorRole.Cooperative, "coop.admin", Seller),
        ["other coop"] = new(ActorRole.Cooperative, "coop.other", "coop-other"),
        ["platform"] = new(ActorRole.Platform, "operator"),
        ["system"] = OrderActor.System("stripe-webhook"),
    };

    /// <summary>Who may attempt each action at all.</summary>
    private static readonly Dictionary<OrderAction, string[]> Allowed = new()
    {
        [OrderAction.PayByCard] = ["system"],
        [OrderAction.Ship] = ["seller"],
        [OrderAction.ConfirmDelivery] = ["buyer", "platform"],
        [OrderAction.MarkInvoiced] = ["system"],
        [OrderAction.RecordInvoicePayment] = ["seller", "platform"],
        [OrderAction.Cancel] = ["buyer", "seller", "platform", "system"],
        [OrderAction.Refund] = ["system"],
    };

    /// <summary>The legal moves: (state, action, actor) → the state after it and the steps recorded.</summary>
    private static readonly List<(string State, OrderAction Action, string Actor, SubOrderFlow Next, string Steps)> Legal =
    [
        ("card awaiting", OrderAction.PayByCard, "system", States["card paid"], "paid"),
        ("card paid", OrderAction.Ship, "seller", States["card shipped"], "shipped"),
        ("card shipped", OrderAction.ConfirmDelivery, "buyer", States["card completed"], "delivered completed"),
        ("card shipped", OrderAction.ConfirmDelivery, "platform", States["card completed"], "delivered completed"),
        ("card awaiting", OrderAction.Cancel, "buyer", States["card cancelled"], "cancelled"),
        ("card awaiting", OrderAction.Cancel, "seller", States["card cancelled"], "cancelled"),
        ("card awaiting", OrderAction.Cancel, "platform", States["card cancelled"], "cancelled"),
        ("card awaiting", OrderAction.Cancel, "system", States["card cancelled"], "cancelled"),
        ("card paid", OrderAction.Cancel, "buyer", States["card refund pending"], "cancelled refund-pending"),
        ("card paid", OrderAction.Cancel, "seller", States["card refund pending"], "cancelled refund-pending"),
        ("card paid", OrderAction.Cancel, "platform", States["card refund pending"], "cancelled refund-pending"),
        ("card refund pending", OrderAction.Refund, "system", States["card refunded"], "refunded"),
        ("card paid", OrderAction.Refund, "system", States["card refunded"], "cancelled refunded"),
        ("invoice placed", OrderAction.Ship, "seller", States["invoice shipped"], "shipped"),
        ("invoice shipped", OrderAction.ConfirmDelivery, "buyer", States["invoice delivered"], "delivered"),
        ("invoice shipped", OrderAction.ConfirmDelivery, "platform", States["invoice delivered"], "delivered"),
        ("invoice delivered", OrderAction.MarkInvoiced, "system", States["invoice invoiced"], "invoiced"),
        ("invoice invoiced", OrderAction.RecordInvoicePayment, "seller", States["invoice completed"], "paid completed"),
        ("invoice invoiced", OrderAction.RecordInvoicePayment, "platform", States["invoice completed"], "paid completed"),
        ("invoice placed", OrderAction.Cancel, "buyer", States["invoice cancelled"], "cancelled"),
        ("invoice placed", OrderAction.Cancel, "seller", States["invoice cancelled"], "cancelled"),
        ("invoice placed", OrderAction.Cancel, "platform", States["invoice cancelled"], "cancelled"),
    ];

    public static TheoryData<string, OrderAction, string> Everything()
    {
        var data = new TheoryData<string, OrderAction, string>();
        foreach (var state in States.Keys)
        foreach (var action in Enum.GetValues<OrderAction>())
        foreach (var actor in Actors.Keys)
            data.Add(state, action, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void EachMoveIsLegalOnlyWhenListed(string state, OrderAction action, string actor)
    {
        var legal = Legal.Where(l => l.State == state && l.Action == action && l.Actor == actor).ToList();
        Func<OrderTransition> apply = () => OrderStateMachine.Apply(States[state], action, Actors[actor], Seller);

        if (legal is [var expected])
        {
            var transition = apply();
            Assert.Equal(expected.Next, transition.Next);
            Assert.Equal(expected.Steps, string.Join(' ', transition.Steps));
        }
        else
        {
            var error = Assert.Throws<RuleViolationException>(() => apply());
            var permitted = Allowed[action].Contains(actor);
            Assert.Equal(permitted ? OrderStateMachine.IllegalTransition : OrderStateMachine.NotAllowed, error.Code);
            Assert.Contains(Seller, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLegalTableOnlyUsesPermittedActors() =>
        Assert.All(Legal, l => Assert.Contains(l.Actor, Allowed[l.Action]));

    [Fact]
    public void ACooperativeNeverActsOnAnotherCooperativesSubOrder()
    {
        foreach (var state in States.Values)
        foreach (var action in Enum.GetValues<OrderAction>())
        {
            var error = Assert.Throws<RuleViolationException>(() => OrderStateMachine.Apply(state, action, Actors["other coop"], Seller));
            Assert.Equal(OrderStateMachine.NotAllowed, error.Code);
        }
    }

    [Theory]
    [InlineData(PaymentMethod.Card, OrderStatus.AwaitingPayment)]
    [InlineData(PaymentMethod.Invoice, OrderStatus.Placed)]
    public void NewSubOrdersStartByPaymentMethod(PaymentMethod method, OrderStatus status)
    {
        var flow = SubOrderFlow.Start(method);
        Assert.Equal(status, flow.Status);
        Assert.False(flow.Paid || flow.Invoiced || flow.RefundPending);
    }

    [Fact]
    public void ProgressOrdersTheCardAndInvoicePaths()
    {
        string[] card = ["card awaiting", "card paid", "card shipped", "card completed"];
        string[] invoice = ["invoice placed", "invoice shipped", "invoice delivered", "invoice completed"];
        foreach (var path in new[] { card, invoice })
            Assert.Equal(path.Select(s => States[s].Progress).Order(), path.Select(s => States[s].Progress));
        Assert.True(new SubOrderFlow(PaymentMethod.Invoice, OrderStatus.Paid, Paid: true).Progress > States["invoice delivered"].Progress);
    }
}
