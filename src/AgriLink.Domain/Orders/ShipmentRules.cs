using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Orders;

/// <summary>
/// What a cooperative says when it ships: a courier and its tracking number, or its own vehicle and the day it delivers.
/// Tracking numbers are checked loosely (each courier has its own pattern, and they change): 8 to 30 letters or digits.
/// </summary>
public static class ShipmentRules
{
    // The message below says these figures as written; keep them equal.
    public const int MinTrackingLength = 8;
    public const int MaxTrackingLength = 30;
    public const int MaxDaysAhead = 60;

    /// <summary>The tracking number as stored: trimmed, spaces and dashes dropped, letters upper-case; null when blank.</summary>
    public static string? NormalizeTracking(string? trackingNumber) =>
        string.IsNullOrWhiteSpace(trackingNumber)
            ? null
            : trackingNumber.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>
    /// Throws <see cref="ValidationFailedException"/> naming each bad field. <paramref name="today"/> null skips the
    /// window of the delivery date (a stored shipment read again on a later day stays valid).
    /// </summary>
    public static void Validate(Carrier carrier, string? trackingNumber, DateOnly? deliveryDate, DateOnly? today)
    {
        var v = new Validator().Check(Enum.IsDefined(carrier), "carrier", "must be one of the listed carriers.");
        var tracking = NormalizeTracking(trackingNumber);
        if (carrier == Carrier.OwnVehicle)
        {
            v.Check(tracking is null, "trackingNumber", "must be empty when the cooperative delivers with its own vehicle.");
            if (deliveryDate is null) v.Add("deliveryDate", "is required.");
            else if (today is { } t)
                v.Check(deliveryDate >= t && deliveryDate <= t.AddDays(MaxDaysAhead), "deliveryDate",
                    $"must be between today ({t:yyyy-MM-dd}) and {MaxDaysAhead} days ahead.");
        }
        else if (Enum.IsDefined(carrier))
        {
            if (tracking is null) v.Add("trackingNumber", "is required.");
            else
                v.Check(tracking.Length is >= MinTrackingLength and <= MaxTrackingLength && tracking.All(char.IsAsciiLetterOrDigit), "trackingNumber",
                    "must be 8 to 30 letters or digits.");
            v.PlausibleDate("deliveryDate", deliveryDate);
        }
        v.ThrowIfInvalid();
    }
}
