namespace AgriLink.Domain.Errors;

/// <summary>
/// A rule of the domain refused a request. Carries everything an API needs to write an RFC 9457
/// problem response, and crosses grain calls intact (Orleans serializes it by its [Id] members).
/// </summary>
[GenerateSerializer, Alias("AgriLink.DomainException")]
public abstract class DomainException : Exception
{
    protected DomainException(string code, string message) : base(message) => Code = code;

    /// <summary>A stable machine-readable code, e.g. <c>listing.not-found</c>; becomes the problem type.</summary>
    [Id(0)]
    public string Code { get; private set; }
}
