namespace AgriLink.Domain.Dividends;

/// <summary>
/// Where a dividend declaration stands in <see cref="DeclarationWorkflow"/>; the distribution itself is kept beside it.
/// <see cref="AssemblyResolution"/> names the member assembly's resolution that approved the plan (assembly key/resolution id).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Declaration")]
public sealed record Declaration(
    [property: Id(0)] string DeclarationId,
    [property: Id(1)] int FiscalYear,
    [property: Id(2)] DeclarationStatus Status,
    [property: Id(3)] string PreparedBy,
    [property: Id(4)] DateOnly PreparedOn,
    [property: Id(5)] IReadOnlyList<Objection> Objections,
    [property: Id(6)] string? ApprovedBy = null,
    [property: Id(7)] DateOnly? ApprovedOn = null,
    [property: Id(8)] DateOnly? NoticeStart = null,
    [property: Id(9)] DateOnly? NoticeEnd = null,
    [property: Id(10)] string? PaidBy = null,
    [property: Id(11)] DateOnly? PaidOn = null,
    [property: Id(12)] string? AssemblyResolution = null,
    [property: Id(13)] DateOnly? ResolvedOn = null)
{
    public bool HasOpenObjections => Objections.Any(o => o.IsOpen);
}
