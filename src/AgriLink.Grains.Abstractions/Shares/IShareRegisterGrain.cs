using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;

namespace AgriLink.Grains.Shares;

/// <summary>
/// A cooperative's share register (股权登记) and charter, keyed by the cooperative id. Dates of
/// transfers and notices are the day they are recorded; issues carry their own date.
/// </summary>
[Alias("AgriLink.IShareRegisterGrain")]
public interface IShareRegisterGrain : IGrainWithStringKey
{
    [Alias("GetCharter")] Task<Charter?> GetCharter();
    /// <summary>Registers the founding charter; once one is recorded, a change needs <see cref="AmendCharter"/>.</summary>
    [Alias("SetCharter")] Task<Charter> SetCharter(Charter charter);
    /// <summary>Amends the recorded charter under the member assembly's passed resolution (<c>{assemblyId}/{resolutionId}</c>).</summary>
    [Alias("AmendCharter")] Task<Charter> AmendCharter(Charter charter, string resolution);
    [Alias("View")] Task<RegisterView> View(DateOnly? asOf);
    [Alias("HoldingsOf")] Task<IReadOnlyList<Holding>> HoldingsOf(string shareholderId);
    [Alias("History")] Task<IReadOnlyList<ShareEvent>> History(long afterSequence, int limit);
    [Alias("Issue")] Task<RegisterView> Issue(Holding holding, string actor, string reason);
    /// <summary>Registers many holdings in one write (the founding register of a village, or an import).</summary>
    [Alias("IssueMany")] Task<RegisterView> IssueMany(IReadOnlyList<Holding> holdings, string actor, string reason);
    [Alias("Transfer")] Task<RegisterView> Transfer(ShareTransfer transfer, string actor, string reason);
    [Alias("NoticeWithdrawal")] Task<RegisterView> NoticeWithdrawal(string shareholderId, string actor, string reason);
    [Alias("HouseholdExited")] Task<PreferredExitReport> HouseholdExited(string householdId, string actor);
    [Alias("PositionsAtYearEnd")] Task<IReadOnlyList<HoldingPosition>> PositionsAtYearEnd(int fiscalYear);
    [Alias("Composition")] Task<CompositionReport> Composition();
    [Alias("RecordDeclaration")] Task RecordDeclaration(int fiscalYear);
    [Alias("DeclaredYears")] Task<IReadOnlyList<int>> DeclaredYears();
}
