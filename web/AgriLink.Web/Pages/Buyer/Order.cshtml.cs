using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// One order, each cooperative's sub-order with its status updating live (topic <c>buyer:{id}</c>), and the buyer's
/// actions through the API's handlers: confirm a shipped sub-order arrived, cancel before shipping, and pay a card
/// order on Stripe Checkout's hosted page (a plain form: the page redirects there and Stripe sends the buyer back here).
/// </summary>
public sealed class OrderModel : AgriLinkPage
{
    public OrderDetails Order { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();

    /// <summary>Each line's listing's cover photo, where it has one.</summary>
    public IReadOnlyDictionary<string, Grains.Projections.ListingCard> Cards { get; private set; } = new Dictionary<string, Grains.Projections.ListingCard>();

    /// <summary>Why the buyer is back from Stripe Checkout (paid, not yet confirmed, or cancelled); null otherwise.</summary>
    public string? Notice { get; private set; }

    /// <summary>A card order awaiting payment, and Stripe is configured: the page offers to pay it.</summary>
    public bool CardPayable => Stripe is not null && Order is { PaymentMethod: PaymentMethod.Card, Status: OrderStatus.AwaitingPayment };

    private IStripeGateway? Stripe => HttpContext.RequestServices.GetService<IStripeGateway>();

    public async Task OnGetAsync(string id, [FromQuery(Name = "session_id")] string? sessionId, string? checkout)
    {
        await Load(id);
        if (checkout == "cancelled" && Order.Status == OrderStatus.AwaitingPayment)
            Notice = T["已取消银行卡支付，订单仍在等待付款。"];
        if (sessionId is null || Stripe is not { } stripe) return;
        // Back from Stripe: record the payment now rather than wait for the webhook (which would find it recorded).
        try
        {
            Order = Value<OrderDetails>(await PaymentsApi.ConfirmCardCheckout(Api, stripe, id, sessionId));
        }
        catch (Exception e) when (e is PageProblemException or DomainException)
        {
            // Stripe did not answer, or the session is not this order's: the webhook still settles it.
        }
        Notice = Order.Status == OrderStatus.AwaitingPayment ? T["付款尚未确认，确认后本页自动更新。"] : T["付款成功，谢谢！"];
    }

    public async Task<IActionResult> OnPostPayAsync(string id)
    {
        await Load(id);
        var stripe = Stripe ?? throw new PageProblemException(new ProblemDetails { Status = 404 });
        var checkout = Value<CardCheckout>(await PaymentsApi.StartCardCheckout(Api, stripe, Request, id));
        // Paid already (the session completed): the order page shows it.
        if (checkout.Url is null) return RedirectToPage(new { id });
        Response.Headers.Location = checkout.Url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    public async Task<IActionResult> OnPostDeliveredAsync(string id, string cooperativeId)
    {
        await Load(id);
        Value<OrderDetails>(await OrdersApi.Deliver(Api, id, cooperativeId));
        return RedirectToPage(new { id });
    }

    /// <summary>The reviews of this order's sub-orders, by cooperative.</summary>
    public IReadOnlyDictionary<string, Domain.Reviews.Review> Reviews { get; private set; } = new Dictionary<string, Domain.Reviews.Review>();

    public SubOrderReview ReviewOf(SubOrder sub) => SubOrderReview.Of(Order, sub, Reviews.GetValueOrDefault(sub.CooperativeId), DateTimeOffset.UtcNow);

    public async Task<IActionResult> OnPostReviewAsync(string id, string cooperativeId, int quality, int freshness, int packaging, int delivery, string? comment)
    {
        await Load(id);
        Value<Domain.Reviews.Review>(await ReviewsApi.Write(Api, id, new WriteReviewRequest(cooperativeId, quality, freshness, packaging, delivery, comment)));
        return Redirect($"/buyer/orders/{Uri.EscapeDataString(id)}#review-{Uri.EscapeDataString(cooperativeId)}");
    }

    /// <summary>The after-sales cases of this order's sub-orders, by cooperative.</summary>
    public IReadOnlyDictionary<string, Domain.AfterSales.AfterSalesCase> AfterSales { get; private set; } = new Dictionary<string, Domain.AfterSales.AfterSalesCase>();

    public SubOrderAfterSales AfterSalesOf(SubOrder sub) => SubOrderAfterSales.Of(Order, sub, AfterSales.GetValueOrDefault(sub.CooperativeId), DateTimeOffset.UtcNow);

    public async Task<IActionResult> OnPostAfterSalesAsync(string id, string cooperativeId, string? amount, string? reason)
    {
        await Load(id);
        // An amount the page cannot read goes on as 0 fen: the API names the field.
        var fen = Domain.Money.TryParse(amount, out var money) ? money.Fen : 0;
        Value<Domain.AfterSales.AfterSalesCase>(await AfterSalesApi.Request(Api, id, new RequestAfterSalesRequest(cooperativeId, fen, reason)));
        return Redirect($"/buyer/orders/{Uri.EscapeDataString(id)}#aftersales-{Uri.EscapeDataString(cooperativeId)}");
    }

    public async Task<IActionResult> OnPostAfterSalesReplyAsync(string id, string cooperativeId, bool accept, string? note)
    {
        await Load(id);
        Value<Domain.AfterSales.AfterSalesCase>(await AfterSalesApi.Reply(Api, id, cooperativeId, new ReplyAfterSalesRequest(accept, note)));
        return Redirect($"/buyer/orders/{Uri.EscapeDataString(id)}#aftersales-{Uri.EscapeDataString(cooperativeId)}");
    }

    public async Task<IActionResult> OnPostComplaintAsync(string id, string cooperativeId, Domain.Complaints.ComplaintKind? kind, string? text)
    {
        await Load(id);
        Value<Domain.Complaints.Complaint>(await ComplaintsApi.File(Api, new FileComplaintRequest(Order.BuyerId, cooperativeId, id, kind, text)));
        Notice = T["投诉已提交，平台将处理并记录结果。"];
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, string? reason)
    {
        await Load(id);
        Value<OrderDetails>(await OrdersApi.Cancel(Api, id, new CancelOrderRequest(string.IsNullOrWhiteSpace(reason) ? "买方取消" : reason, null)));
        return RedirectToPage(new { id });
    }

    private async Task Load(string id)
    {
        Order = Value<OrderDetails>(await OrdersApi.Get(Api, id));
        Reviews = Value<IReadOnlyList<Domain.Reviews.Review>>(await ReviewsApi.OfOrder(Api, id)).ToDictionary(r => r.CooperativeId, StringComparer.Ordinal);
        var cases = new Dictionary<string, Domain.AfterSales.AfterSalesCase>(StringComparer.Ordinal);
        foreach (var sub in Order.SubOrders.Where(s => s.Status is OrderStatus.Delivered or OrderStatus.Completed))
            if (await Api.Grains.GetGrain<Grains.AfterSales.IAfterSalesCaseGrain>($"{Order.Id}:{sub.CooperativeId}").Get() is { } c) cases[sub.CooperativeId] = c;
        AfterSales = cases;
        Cooperatives = await CooperativeNames();
        Cards = await Api.Lists.ListingCards(Order.SubOrders.SelectMany(s => s.Lines).Select(l => l.Reserved.ListingId));
        LiveRefreshOn.AddRange(["order.placed", "order.changed", "order.shipped", "payment.received", "payment.refunded", "order.refunded", "aftersales.changed"]);
        LiveTopics.Add($"buyer:{Order.BuyerId}");
    }
}
