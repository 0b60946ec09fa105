using AgriLink.Domain.Dividends;
using Orleans.Concurrency;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// The year-end surplus distribution of one cooperative for one fiscal year (key: <see cref="CooperativeYear"/>):
/// draft → approved by a second admin → public notice (公示) with objections → paid, exactly once.
/// </summary>
[Alias("AgriLink.IDividendDeclarationGrain")]
public interface IDividendDeclarationGrain : IGrainWithStringKey
{
    [Alias("Prepare")] Task<DeclarationView> Prepare(YearEndFigures figures, string actor);
    /// <summary>Read-only, so it may interleave (see <see cref="IMemberTradeGrain.Summary"/>).</summary>
    [Alias("Get"), AlwaysInterleave] Task<DeclarationView> Get();
    [Alias("Lines")] Task<IReadOnlyList<DividendLine>> Lines(int offset, int limit);
    [Alias("LineFor")] Task<DividendLine?> LineFor(string shareholderId);
    [Alias("Approve")] Task<DeclarationView> Approve(string actor);
    [Alias("Publicise")] Task<DeclarationView> Publicise(DateOnly noticeStart, DateOnly noticeEnd, string actor);
    [Alias("FileObjection")] Task<DeclarationView> FileObjection(string memberId, string text);
    [Alias("ResolveObjection")] Task<DeclarationView> ResolveObjection(string objectionId, ObjectionOutcome outcome, string actor, string resolution);

    /// <summary>Refuses unless the plan may go before the member assembly now (notice over, objections settled).</summary>
    [Alias("EnsureReadyForAssembly")] Task EnsureReadyForAssembly();
    /// <summary>Records the assembly's passed resolution on the plan (assembly key/resolution id); idempotent.</summary>
    [Alias("RecordResolution")] Task<DeclarationView> RecordResolution(string resolution);

    /// <summary>Posts every shareholder's payment to the ledger; safe to call again after a crash, and a no-op once paid.</summary>
    [Alias("Pay"), ResponseTimeout("00:15:00")] Task<PaymentReport> Pay(string actor);
}
