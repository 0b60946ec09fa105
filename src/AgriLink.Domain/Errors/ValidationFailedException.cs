namespace AgriLink.Domain.Errors;

/// <summary>Input broke field rules; <see cref="Errors"/> maps each field (camelCase) to its messages.</summary>
[GenerateSerializer, Alias("AgriLink.ValidationFailedException")]
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("validation", "One or more fields are invalid.")
{
    [Id(0)]
    public Dictionary<string, string[]> Errors { get; private set; } = new(errors);

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
