using System.Globalization;
using AgriLink.Domain.Identifiers;

namespace AgriLink.Domain.Invoices;

/// <summary>
/// A cooperative's invoice number, <c>{cooperative}-{yyyy}-{000001}</c>: the issuing cooperative, the year of issue and
/// the sequence within that year, counted from 1 without gaps and never reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoiceNumber")]
public readonly record struct InvoiceNumber(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Sequence)
{
    public const int MaxSequence = 999_999;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CooperativeId}-{Year:D4}-{Sequence:D6}");

    /// <summary>The next number after <paramref name="lastSequence"/> in the year (0 when none was issued yet).</summary>
    /// <exception cref="Errors.RuleViolationException">The year's numbers are used up.</exception>
    public static InvoiceNumber Next(string cooperativeId, int year, int lastSequence)
    {
        if (lastSequence >= MaxSequence)
            throw new Errors.RuleViolationException("invoice.numbers-exhausted",
                $"Cooperative '{cooperativeId}' has issued all {MaxSequence} invoice numbers of {year}.");
        return new(cooperativeId, year, lastSequence + 1);
    }

    public static bool TryParse(string? text, out InvoiceNumber number)
    {
        number = default;
        // The cooperative id has dashes of its own, so read the two fixed-width fields from the end.
        if (text is null || text.Length < 13 || text[^7] != '-' || text[^12] != '-') return false;
        var cooperativeId = text[..^12];
        if (!Ids.IsValid(cooperativeId, Ids.Cooperative)) return false;
        if (!int.TryParse(text.AsSpan(text.Length - 11, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000) return false;
        if (!int.TryParse(text.AsSpan(text.Length - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1) return false;
        number = new(cooperativeId, year, sequence);
        return true;
    }
}
