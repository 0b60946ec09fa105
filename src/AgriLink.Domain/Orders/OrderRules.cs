using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Orders;

/// <summary>The field rules of a new order, checked before any stock is touched.</summary>
public static class OrderRules
{
    public const int MaxLines = 50;
    public const decimal MaxQuantity = 1_000_000_000m;
    public const int MaxRecipientLength = 40;

    /// <summary>How far ahead a buyer may ask for delivery.</summary>
    public const int MaxDaysAhead = 90;

    /// <summary>
    /// Throws <see cref="ValidationFailedException"/> naming every bad field (lines as <c>lines[2].quantity</c>). The
    /// recipient and phone are optional for API clients that place orders without them (a demand's split, orders placed
    /// before they existed), but valid when given, and the phone goes with a name; the checkout page asks for both.
    /// <paramref name="today"/> set: a requested delivery date lies between today and <see cref="MaxDaysAhead"/> days
    /// ahead (null when a stored order is checked again on a later day). <paramref name="recipientRequired"/>: the
    /// checkout's rule, a recipient and phone are needed.
    /// </summary>
    public static void Validate(
        string? buyerId, PaymentMethod method, IReadOnlyList<(string? ListingId, decimal Quantity)>? lines,
        string? regionCode, string? address, string? note,
        string? recipientName = null, string? recipientPhone = null, DateOnly? requestedDeliveryDate = null, DateOnly? today = null,
        bool recipientRequired = false)
    {
        var v = new Validator()
            .Text("buyerId", buyerId, 40)
            .Check(Enum.IsDefined(method), "paymentMethod", "must be Invoice or Card.")
            .Region("deliveryRegionCode", regionCode)
            .Text("deliveryAddress", address, 200)
            .Text("note", note, 500, required: false)
            .Text("recipientName", recipientName, MaxRecipientLength, required: recipientRequired)
            .Phone("recipientPhone", recipientPhone, required: recipientRequired)
            .Check(recipientRequired || string.IsNullOrWhiteSpace(recipientPhone) || !string.IsNullOrWhiteSpace(recipientName), "recipientName",
                "is required with a phone number.")
            .PlausibleDate("requestedDeliveryDate", requestedDeliveryDate);
        if (today is { } t) CheckRequestedDate(v, requestedDeliveryDate, t);
        if (lines is null || lines.Count == 0)
            v.Add("lines", "must hold at least one line.");
        else if (lines.Count > MaxLines)
            v.Add("lines", $"must hold at most {MaxLines} lines.");
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                var (listingId, quantity) = lines[i];
                v.Text($"lines[{i}].listingId", listingId, 40);
                if (listingId is not null && !seen.Add(listingId.Trim()))
                    v.Add($"lines[{i}].listingId", "appears in an earlier line; order each listing once.");
                v.Check(quantity > 0 && quantity <= MaxQuantity && decimal.Round(quantity, 3) == quantity, $"lines[{i}].quantity",
                    $"must be more than 0 and at most {MaxQuantity}, with at most 3 decimals.");
            }
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// A new order's requested delivery date lies between today and <see cref="MaxDaysAhead"/> days ahead. Checked when the
    /// order is placed (by the endpoint and again by the order grain for a new order), never for a stored order on a later day.
    /// </summary>
    public static void CheckRequestedDate(DateOnly? requestedDeliveryDate, DateOnly today)
    {
        var v = new Validator();
        CheckRequestedDate(v, requestedDeliveryDate, today);
        v.ThrowIfInvalid();
    }

    private static void CheckRequestedDate(Validator v, DateOnly? requestedDeliveryDate, DateOnly today)
    {
        if (requestedDeliveryDate is { } date)
            v.Check(date >= today && date <= today.AddDays(MaxDaysAhead), "requestedDeliveryDate",
                $"must be between today ({today:yyyy-MM-dd}) and {MaxDaysAhead} days ahead.");
    }
}
