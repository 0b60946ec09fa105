using AgriLink.Domain.Cooperatives;

namespace AgriLink.Web.Apis;

/// <summary>The offices to record and, for any change after the founding officers, the election resolution ('asm-…/r1').</summary>
public sealed record RecordOfficesRequest(IReadOnlyList<OfficeChange>? Changes, string? Resolution);
