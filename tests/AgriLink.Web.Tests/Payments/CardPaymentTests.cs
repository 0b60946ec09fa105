using System.Net;
using AgriLink.Domain.Orders;
using AgriLink.Payments;
using AgriLink.Storage.Ledger;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Payments;

[Collection(StripeAppCollection.Name)]
public sealed class CardPaymentTests(StripeApp app)
{
    [Fact]
    public async Task PaidOrderIsSplitExactlyAmongCooperativeEnterpriseAndCollective()
    {
        var order = await app.PlaceCardOrder(extra: 7);
        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        var buyer = await app.As("buyer.canteen");
        var clearingBefore = await app.Ledger.BalanceAsync(LedgerAccounts.StripeClearing, Api.Ct);
        var enterpriseBefore = await app.Ledger.BalanceAsync(LedgerAccounts.EnterpriseCardShare("ent-panshan"), Api.Ct);

        var intent = await buyer.StartCardPayment(order.Id);
        var piId = (string)intent["paymentIntentId"]!;
        Assert.Equal(order.TotalFen, (long)intent["amountFen"]!);
        Assert.Equal("cny", (string?)intent["currency"]);
        Assert.Equal("pk_test_agrilink_fake", (string?)intent["publishableKey"]);
        Assert.StartsWith(piId + "_secret_", (string?)intent["clientSecret"]);
        var atStripe = app.Stripe.Object(piId);
        Assert.Equal(order.Id, (string?)atStripe["metadata"]!["order_id"]);
        Assert.Equal(order.Id, (string?)atStripe["transfer_group"]);

        var receipt = await app.Deliver(app.Stripe.Succeed(piId));
        Assert.Equal("processed", (string?)receipt["outcome"]);

        var paid = await app.Order(order.Id);
        Assert.All(paid.SubOrders, s => Assert.Equal(OrderStatus.Paid, s.Status));
        Assert.Equal(piId, paid.PaymentReference);

        var pz = paid.SubOrders.Single(s => s.CooperativeId == StripeApp.Panzhou).AmountFen;
        var xw = paid.SubOrders.Single(s => s.CooperativeId == StripeApp.Xiuwen).AmountFen;
        var charge = (string)app.Stripe.Object(piId)["latest_charge"]!;
        var transfers = app.Stripe.TransfersOf(order.Id);
        Assert.All(transfers, t => Assert.Equal(charge, (string?)t["source_transaction"]));
        var byDestination = transfers.ToDictionary(t => (string)t["destination"]!, t => t.Amount());
        var enterprise = pz * 1500 / 10_000;
        var collective = pz * 300 / 10_000;
        Assert.Equal(new Dictionary<string, long>
        {
            ["acct_pzcili"] = pz - enterprise - collective, ["acct_panshan"] = enterprise, ["acct_shepeng"] = collective, ["acct_xwkiwi"] = xw,
        }, byDestination);
        Assert.Equal(order.TotalFen, transfers.Sum(t => t.Amount()));

        Assert.True(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerPayment(piId), Api.Ct));
        Assert.Equal(order.TotalFen, await app.Ledger.BalanceAsync(LedgerAccounts.StripeClearing, Api.Ct) - clearingBefore);
        Assert.Equal(-enterprise, await app.Ledger.BalanceAsync(LedgerAccounts.EnterpriseCardShare("ent-panshan"), Api.Ct) - enterpriseBefore);
    }

    [Fact]
    public async Task EveryWriteToStripeCarriesAnIdempotencyKey()
    {
        var order = await app.PlaceCardOrder(extra: 11);
        var buyer = await app.As("buyer.canteen");
        var piId = (string)(await buyer.StartCardPayment(order.Id))["paymentIntentId"]!;
        await app.Deliver(app.Stripe.Succeed(piId));

        var writes = app.Stripe.Calls.Where(c => c.Method == "POST").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, c => Assert.False(string.IsNullOrEmpty(c.IdempotencyKey), $"{c.Method} {c.Path} has no idempotency key"));
        Assert.Contains(writes, c => c.IdempotencyKey == IdempotencyKeys.PaymentIntent(order.Id));
    }

    [Fact]
    public async Task StartingThePaymentTwiceGivesTheSameIntent()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 13);
        var buyer = await app.As("buyer.canteen");
        var first = await buyer.StartCardPayment(order.Id);
        var second = await buyer.StartCardPayment(order.Id);
        Assert.Equal((string?)first["paymentIntentId"], (string?)second["paymentIntentId"]);
        Assert.Single(app.Stripe.Objects("payment_intent"), pi => (string?)pi["metadata"]!["order_id"] == order.Id);
    }

    [Fact]
    public async Task OnlyTheOrdersBuyerStartsItsPayment()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 17);
        foreach (var user in new[] { "buyer.union", "coop.panzhou", "operator" })
        {
            using var response = await (await app.As(user)).Post($"/api/orders/{order.Id}/card-payment");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var anonymous = await app.Anonymous().Post($"/api/orders/{order.Id}/card-payment");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(app.Stripe.Objects("payment_intent"), pi => (string?)pi["metadata"]!["order_id"] == order.Id);
    }

    [Fact]
    public async Task OrdersNotAwaitingCardPaymentAreRefused()
    {
        var buyer = await app.As("buyer.canteen");
        var invoice = await app.PlaceCardOrder(twoCooperatives: false, extra: 19, method: PaymentMethod.Invoice);
        using (var response = await buyer.Post($"/api/orders/{invoice.Id}/card-payment"))
            await response.AssertProblem(HttpStatusCode.Conflict);

        var paid = await app.PlaceCardOrder(twoCooperatives: false, extra: 23);
        var piId = (string)(await buyer.StartCardPayment(paid.Id))["paymentIntentId"]!;
        await app.Deliver(app.Stripe.Succeed(piId));
        using (var response = await buyer.Post($"/api/orders/{paid.Id}/card-payment"))
            await response.AssertProblem(HttpStatusCode.Conflict);

        using (var response = await buyer.Post("/api/orders/ord-nosuchorder00000/card-payment"))
            await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFailedPaymentLeavesTheOrderAwaitingPayment()
    {
        var order = await app.PlaceCardOrder(twoCooperatives: false, extra: 29);
        var piId = (string)(await (await app.As("buyer.canteen")).StartCardPayment(order.Id))["paymentIntentId"]!;
        await app.Deliver(app.Stripe.Fail(piId));
        Assert.Equal(OrderStatus.AwaitingPayment, (await app.Order(order.Id)).Status);
        Assert.Empty(app.Stripe.TransfersOf(order.Id));
        Assert.False(await app.Ledger.IsPostedAsync(IdempotencyKeys.LedgerPayment(piId), Api.Ct));
    }
}
