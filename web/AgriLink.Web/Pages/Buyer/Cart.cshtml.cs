using System.Security.Claims;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// The cart, grouped by cooperative (one order becomes one sub-order per cooperative), and checkout by invoice (or by
/// card when Stripe is configured: the order page then offers to pay) through <c>OrdersApi.Place</c>. The form carries an idempotency key made when it was shown, so a double submit places one order.
/// </summary>
public sealed class CartModel(IConfiguration configuration) : BuyerPage
{
    public sealed record Line(string ListingId, decimal Quantity, ListingDetails? Listing)
    {
        public long AmountFen => Listing is null ? 0 : (long)Math.Round(Listing.Draft.PriceFen * Quantity, MidpointRounding.AwayFromZero);
    }

    public IReadOnlyList<IGrouping<string, Line>> ByCooperative { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();
    public bool CardOffered => configuration.IsStripeConfigured();
    public long TotalFen => ByCooperative.SelectMany(g => g).Sum(l => l.AmountFen);

    [BindProperty] public string? DeliveryRegionCode { get; set; }
    [BindProperty] public string? DeliveryAddress { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Invoice;
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public async Task OnGetAsync()
    {
        await Load();
        DeliveryRegionCode ??= Value<BuyerDetails>(await BuyersApi.Get(Api, BuyerId)).Profile.RegionCode;
    }

    public async Task<IActionResult> OnPostAddAsync(string listingId, decimal quantity)
    {
        _ = BuyerId;
        new Validator().Text("listingId", listingId, 40)
            .Check(quantity > 0 && quantity <= OrderRules.MaxQuantity && decimal.Round(quantity, 3) == quantity, "quantity",
                "must be more than 0, with at most 3 decimals.").ThrowIfInvalid();
        // Only what the buyer may see goes in (a draft or foreign listing is a 404, as in the API).
        Value<ListingDetails>(await ListingsApi.Get(Api, listingId));
        var lines = ShoppingCart.Read(Request);
        var index = lines.FindIndex(l => l.ListingId == listingId);
        if (index >= 0) lines[index] = (listingId, lines[index].Quantity + quantity);
        else lines.Add((listingId, quantity));
        ShoppingCart.Write(Response, lines);
        return RedirectToPage();
    }

    public IActionResult OnPostRemove(string listingId)
    {
        ShoppingCart.Write(Response, ShoppingCart.Read(Request).Where(l => l.ListingId != listingId));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckoutAsync()
    {
        await Load();
        // A payment method that did not bind (not one the form offers) places nothing: it would be the default.
        if (!ModelState.IsValid) return Page();
        var order = new PlaceOrder(BuyerId, PaymentMethod,
            ShoppingCart.Read(Request).Select(l => new OrderLineRequest(l.ListingId, l.Quantity)).ToList(),
            DeliveryRegionCode ?? "", DeliveryAddress ?? "", string.IsNullOrWhiteSpace(Note) ? null : Note);
        var placed = Value<OrderDetails>(await OrdersApi.Place(Api, configuration, order, IdempotencyKey));
        ShoppingCart.Write(Response, []);
        return Redirect($"/buyer/orders/{placed.Id}");
    }

    private async Task Load()
    {
        var lines = ShoppingCart.Read(Request);
        var grains = Api.Grains;
        var loaded = new List<Line>();
        foreach (var (id, quantity) in lines)
        {
            ListingDetails? listing = null;
            try
            {
                listing = Value<ListingDetails>(await ListingsApi.Get(Api, id));
            }
            catch (Exception e) when (e is PageProblemException or NotFoundException)
            {
                // Gone from the market since it was added: shown as unavailable, refused at checkout.
            }
            loaded.Add(new Line(id, quantity, listing));
        }
        ByCooperative = loaded.GroupBy(l => l.Listing?.CooperativeId ?? "").ToList();
        Cooperatives = await CooperativeNames();
    }
}
