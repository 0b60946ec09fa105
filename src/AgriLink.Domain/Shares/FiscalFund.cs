using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Shares;

/// <summary>
/// A fiscal fund quantified into a cooperative's shares (资金变股金), as the fund disclosure (扶贫资金公告公示) names it: where
/// the money came from, the document that allocated it, how much, the year, and what it was for. The shares it formed are
/// the register's <see cref="Holding"/>s whose <see cref="Holding.FundId"/> is its id; what they earned each year is in the
/// distributions' lines.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.FiscalFund")]
public sealed record FiscalFund(
    [property: Id(0)] string Source,
    [property: Id(1)] string DocumentNo,
    [property: Id(2)] long AmountFen,
    [property: Id(3)] int Year,
    [property: Id(4)] string? Purpose = null)
{
    /// <summary>¥1 billion: far above any fund one cooperative receives, far below overflow.</summary>
    public const long MaxFen = 100_000_000_000;

    public void Validate() =>
        new Validator()
            .Text("source", Source, 100)
            .Text("documentNo", DocumentNo, 60)
            .Range("amountFen", AmountFen, 1, MaxFen)
            .Range("year", Year, 2000, 2100)
            .Text("purpose", Purpose, 200, required: false)
            .ThrowIfInvalid();
}
