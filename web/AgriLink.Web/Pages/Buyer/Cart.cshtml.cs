using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Orders;
using AgriLink.Payments;
using AgriLink.Web.Apis;
using AgriLink.Web.Localization;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// The cart, grouped by cooperative with each one's sub-total (one order becomes one sub-order per cooperative), and
/// checkout by invoice (or by card when Stripe is configured: the order page then offers to pay) through
/// <c>OrdersApi.Place</c>. The form carries an idempotency key made when it was shown, so a double submit places one
/// order. The delivery region is picked with plain selects (province; in Guizhou prefecture and county) that a
/// "choose" button posts back without placing anything; a small script posts it on change.
/// </summary>
public sealed class CartModel(IConfiguration configuration, TimeProvider clock) : BuyerPage, IRegionPicker
{
    public sealed record Line(string ListingId, decimal Quantity, ListingDetails? Listing)
    {
        public long AmountFen => Listing is null ? 0 : LinePricing.AmountFen(Listing.Draft.PriceFen, Quantity);

        /// <summary>Why the listing would refuse this quantity now (paused, below its minimum, beyond its stock); null when it would not.</summary>
        public RuleViolationException? Refusal => Listing is null
            ? null
            : StockReservation.Refusal(Listing.Status, Listing.Draft.Stock, Listing.Draft.MinOrder, Quantity);
    }

    public IReadOnlyList<IGrouping<string, Line>> ByCooperative { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Cooperatives { get; private set; } = new Dictionary<string, string>();
    public bool CardOffered => configuration.IsStripeConfigured();
    public long TotalFen => ByCooperative.SelectMany(g => g).Sum(l => l.AmountFen);

    /// <summary>The province picked (six-digit form, 520000); in Guizhou also the prefecture and county.</summary>
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Prefecture { get; set; }
    [BindProperty] public string? County { get; set; }

    /// <summary>Outside Guizhou, the county's code as typed (the platform has no names there); the code sent to the API.</summary>
    [BindProperty] public string? DeliveryRegionCode { get; set; }
    [BindProperty] public string? DeliveryAddress { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientPhone { get; set; }
    [BindProperty] public DateOnly? RequestedDeliveryDate { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public PaymentMethod PaymentMethod { get; set; } = PaymentMethod.Invoice;
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public DateOnly EarliestDelivery => clock.Today();
    public DateOnly LatestDelivery => clock.Today().AddDays(OrderRules.MaxDaysAhead);

    public async Task OnGetAsync()
    {
        await Load();
        var profile = Value<BuyerDetails>(await BuyersApi.Get(Api, BuyerId)).Profile;
        RecipientName ??= profile.ContactName;
        RecipientPhone ??= profile.Phone;
        this.PickRegion(profile.RegionCode);
    }

    public async Task<IActionResult> OnPostAddAsync(string listingId, decimal quantity)
    {
        _ = BuyerId;
        ValidQuantity(listingId, quantity);
        // Only what the buyer may see goes in (a draft or foreign listing is a 404, as in the API).
        Value<ListingDetails>(await ListingsApi.Get(Api, listingId));
        var lines = ShoppingCart.Read(Request);
        var index = lines.FindIndex(l => l.ListingId == listingId);
        if (index >= 0) lines[index] = (listingId, lines[index].Quantity + quantity);
        else lines.Add((listingId, quantity));
        ShoppingCart.Write(Response, lines);
        return RedirectToPage();
    }

    /// <summary>
    /// A line's new quantity, kept only when its listing would serve it now (at least the minimum order, at most the
    /// stock, whole units of a counted unit); otherwise the cart stays as it was and says why.
    /// </summary>
    public async Task<IActionResult> OnPostQuantityAsync(string listingId, decimal quantity)
    {
        _ = BuyerId;
        ValidQuantity(listingId, quantity);
        var lines = ShoppingCart.Read(Request);
        var index = lines.FindIndex(l => l.ListingId == listingId);
        if (index < 0) return RedirectToPage();
        var listing = Value<ListingDetails>(await ListingsApi.Get(Api, listingId));
        var unit = T[Labels.Of(listing.Draft.Unit)].Value;
        var problem = !Domain.Quantities.Units.Fits(quantity, listing.Draft.Unit)
            ? string.Format(T["「{0}」按{1}整数购买。"].Value, listing.Draft.Title, unit)
            : StockReservation.Refusal(listing.Status, listing.Draft.Stock, listing.Draft.MinOrder, quantity) switch
            {
                null => null,
                { Code: "listing.below-minimum-order" } => string.Format(T["「{0}」起订量为 {1} {2}，数量未修改。"].Value, listing.Draft.Title, Labels.Amount(listing.Draft.MinOrder), unit),
                { Code: "listing.insufficient-stock" } => string.Format(T["「{0}」库存仅剩 {1} {2}，数量未修改。"].Value, listing.Draft.Title, Labels.Amount(listing.Draft.Stock), unit),
                _ => string.Format(T["「{0}」暂时不能购买，数量未修改。"].Value, listing.Draft.Title),
            };
        if (problem is not null)
        {
            await Load();
            ModelState.AddModelError("", problem);
            await Prefill();
            return Page();
        }
        lines[index] = (listingId, quantity);
        ShoppingCart.Write(Response, lines);
        return RedirectToPage();
    }

    public IActionResult OnPostRemove(string listingId)
    {
        ShoppingCart.Write(Response, ShoppingCart.Read(Request).Where(l => l.ListingId != listingId));
        return RedirectToPage();
    }

    /// <summary>The region selects' "choose" button: shows the next level's choices, keeps everything typed, places nothing.</summary>
    public async Task<IActionResult> OnPostRegionAsync()
    {
        await Load();
        ModelState.Clear();
        this.PickRegion(this.Picked());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckoutAsync()
    {
        await Load();
        // A payment method that did not bind (not one the form offers) places nothing: it would be the default.
        if (!ModelState.IsValid) return Page();
        var region = this.TypedOutsideProvince() ? DeliveryRegionCode : this.Picked();
        // The checkout asks for whom and which phone: the order rules with the recipient required, every field at once.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (this.TypedOutsideProvince()) errors["deliveryRegionCode"] = ["must lie in the chosen province."];
        try
        {
            OrderRules.Validate(BuyerId, PaymentMethod, [.. ShoppingCart.Read(Request).Select(l => ((string?)l.ListingId, l.Quantity))],
                region, DeliveryAddress, Note, RecipientName, RecipientPhone, RequestedDeliveryDate, clock.Today(), recipientRequired: true);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors) errors[field] = [.. errors.GetValueOrDefault(field, []), .. messages];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var order = new PlaceOrder(BuyerId, PaymentMethod,
            ShoppingCart.Read(Request).Select(l => new OrderLineRequest(l.ListingId, l.Quantity)).ToList(),
            region ?? "", DeliveryAddress ?? "", string.IsNullOrWhiteSpace(Note) ? null : Note,
            RecipientName, RecipientPhone, RequestedDeliveryDate);
        var placed = Value<OrderDetails>(await OrdersApi.Place(Api, configuration, clock, order, IdempotencyKey));
        ShoppingCart.Write(Response, []);
        return Redirect($"/buyer/orders/{placed.Id}");
    }

    private async Task Prefill()
    {
        var profile = Value<BuyerDetails>(await BuyersApi.Get(Api, BuyerId)).Profile;
        RecipientName = profile.ContactName;
        RecipientPhone = profile.Phone;
        this.PickRegion(profile.RegionCode);
    }

    private static void ValidQuantity(string listingId, decimal quantity) =>
        new Validator().Text("listingId", listingId, 40)
            .Check(quantity > 0 && quantity <= OrderRules.MaxQuantity && decimal.Round(quantity, 3) == quantity, "quantity",
                "must be more than 0, with at most 3 decimals.").ThrowIfInvalid();

    private async Task Load()
    {
        var lines = ShoppingCart.Read(Request);
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
