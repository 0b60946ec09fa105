using AgriLink.Domain.Offtake;

namespace AgriLink.Web.Apis;

/// <summary>The enterprise's proposal: the cooperative it buys from and the terms.</summary>
public sealed record ProposeOfftakeRequest(string CooperativeId, OfftakeTerms Terms);
