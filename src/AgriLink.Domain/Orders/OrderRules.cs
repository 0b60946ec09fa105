using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Orders;

/// <summary>The field rules of a new order, checked before any stock is touched.</summary>
public static class OrderRules
{
    public const int MaxLines = 50;
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Throws <see cref="ValidationFailedException"/> naming every bad field (lines as <c>lines[2].quantity</c>).</summary>
    public static void Validate(
        string? buyerId, PaymentMethod method, IReadOnlyList<(string? ListingId, decimal Quantity)>? lines,
        string? regionCode, string? address, string? note)
    {
        var v = new Validator()
            .Text("buyerId", buyerId, 40)
            .Check(Enum.IsDefined(method), "paymentMethod", "must be Invoice or Card.")
            .Region("deliveryRegionCode", regionCode)
            .Text("deliveryAddress", address, 200)
            .Text("note", note, 500, required: false);
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
}
