namespace AgriLink.Domain.Errors;

/// <summary>
/// The request is well-formed but the current state forbids it (an illegal status change, a
/// duplicate, a law's limit). Maps to 409 Conflict, or 422 where <see cref="Unprocessable"/> is set.
/// </summary>
[GenerateSerializer, Alias("AgriLink.RuleViolationException")]
public sealed class RuleViolationException(string code, string message, bool unprocessable = false)
    : DomainException(code, message)
{
    [Id(0)] public bool Unprocessable { get; private set; } = unprocessable;
}
