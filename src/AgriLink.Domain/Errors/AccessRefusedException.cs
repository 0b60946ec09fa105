namespace AgriLink.Domain.Errors;

/// <summary>
/// The caller may reach the object but not act this way yet (a money-moving action without a second factor): 403 with a
/// rule code that says why, where a bare 403 would leave them guessing.
/// </summary>
[GenerateSerializer, Alias("AgriLink.AccessRefusedException")]
public sealed class AccessRefusedException(string code, string message) : DomainException(code, message);
