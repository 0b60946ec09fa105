using AgriLink.Domain.Households;

namespace AgriLink.Web.Apis;

/// <summary>A new household; <see cref="PovertyStatus"/> records its register entry from <see cref="StatusSince"/>.</summary>
public sealed record RegisterHouseholdRequest(HouseholdProfile? Profile, PovertyStatus? PovertyStatus, DateOnly? StatusSince);
