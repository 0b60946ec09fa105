namespace AgriLink.Domain.Dividends;

/// <summary>A member's trade with the cooperative over the fiscal year; non-member trade never appears here.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MemberTrade")]
public sealed record MemberTrade(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long MemberTradeFen);
