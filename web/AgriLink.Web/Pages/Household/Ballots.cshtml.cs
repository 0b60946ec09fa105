using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// The supervisors' audit of an online assembly (监事审计): every member's ballot, its choices, when it was cast and how
/// often it was changed. Only the cooperative's supervisors (and operators) get here: <see cref="AssembliesApi.Ballots"/>
/// decides, and audits the reading.
/// </summary>
public sealed class BallotsModel : HouseholdPage
{
    public Assembly Meeting { get; private set; } = null!;
    public IReadOnlyList<Ballot> Ballots { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public string CooperativeName { get; private set; } = "";

    public async Task OnGetAsync(string cooperativeId, string assemblyId)
    {
        Household();
        if (!RouteIds.IsWellFormed(cooperativeId) || !RouteIds.IsWellFormed(assemblyId) || assemblyId.Contains(':'))
            throw new PageProblemException(new ProblemDetails { Status = 404 });
        Ballots = Value<IReadOnlyList<Ballot>>(await AssembliesApi.Ballots(Api, cooperativeId, assemblyId));
        Meeting = Value<AssemblyView>(await AssembliesApi.Get(Api, cooperativeId, assemblyId)).Assembly;
        // Allowed above: the supervisor reads the names of the members whose ballots it audits.
        var coop = await Api.Grains.GetGrain<ICooperativeGrain>(cooperativeId).Get();
        CooperativeName = coop.Profile.Name;
        Names = coop.Members.ToDictionary(m => m.MemberId, m => m.DisplayName, StringComparer.Ordinal);
    }
}
