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

    /// <summary>Required text, trimmed length within 1..max, no control characters.</summary>
    public Validator Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? Add(field, "is required.") : this;
        if (value.Length > max) return Add(field, $"must be at most {max} characters.");
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return Add(field, "must not contain control characters.");
        return this;
    }

    public Validator Range(string field, long value, long min, long max) =>
        Check(value >= min && value <= max, field, $"must be between {min} and {max}.");

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
