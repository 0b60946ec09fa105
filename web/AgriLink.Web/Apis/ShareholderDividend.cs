using AgriLink.Domain.Dividends;

namespace AgriLink.Web.Apis;

/// <summary>
/// One year's dividend of one shareholder (a household, an enterprise) from one cooperative, with each component in plain
/// words; the public notice's days (while <see cref="NoticeEnd"/> has not passed, the member may object) and the
/// objections this shareholder filed, with the cooperative's answers.
/// </summary>
public sealed record ShareholderDividend(
    string CooperativeId, string CooperativeName, int FiscalYear, DeclarationStatus Status,
    long PaidFen, long OwedFen, IReadOnlyList<ExplainedComponent> Components,
    DateOnly? NoticeStart = null, DateOnly? NoticeEnd = null, IReadOnlyList<Objection>? Objections = null);
