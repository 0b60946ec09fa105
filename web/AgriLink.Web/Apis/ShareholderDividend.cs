using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

/// <summary>One year's dividend of one shareholder (a household, an enterprise) from one cooperative, with each component in plain words.</summary>
public sealed record ShareholderDividend(
    string CooperativeId, string CooperativeName, int FiscalYear, DeclarationStatus Status,
    long PaidFen, long OwedFen, IReadOnlyList<ExplainedComponent> Components);
