namespace AgriLink.Domain.Errors;

/// <summary>Collects field errors, then throws them all at once so the caller sees every problem.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Check(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    /// <summary>
    /// Required text, trimmed length within 1..max, no control characters, something visible (not only zero-width or
    /// filler characters) and no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
    /// would show a name or title reversed on every page and export.
    /// </summary>
    public Validator Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? Add(field, "is required.") : this;
        if (value.Length > max) return Add(field, $"must be at most {max} characters.");
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return Add(field, "must not contain control characters.");
        if (value.Any(TextRules.IsBidiControl))
            return Add(field, "must not contain bidirectional control characters.");
        if (!value.Any(TextRules.IsVisible))
            return Add(field, "must contain visible characters.");
        return this;
    }

    /// <summary>A date inside [<paramref name="earliest"/>, <paramref name="latest"/>]; null passes (optional dates).</summary>
    public Validator Date(string field, DateOnly? value, DateOnly earliest, DateOnly latest) =>
        Check(value is null || (value >= earliest && value <= latest), field,
            $"must be between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}.");

    public Validator Range(string field, long value, long min, long max) =>
        Check(value >= min && value <= max, field, $"must be between {min} and {max}.");

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
