using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

/// <summary>One year's dividend of one household from one cooperative, with each component in plain words.</summary>
public sealed record HouseholdDividend(
    string CooperativeId, string CooperativeName, int FiscalYear, DeclarationStatus Status,
    long PaidFen, long OwedFen, IReadOnlyList<ExplainedComponent> Components);
