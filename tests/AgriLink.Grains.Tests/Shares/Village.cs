using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Households;
using AgriLink.Domain.Identifiers;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Households;
using AgriLink.Grains.Shares;
using AgriLink.Grains.VillageCollectives;

namespace AgriLink.Grains.Tests.Shares;

/// <summary>
/// A freshly registered cooperative and the grains around it, for one test: members are registered on the
/// platform first (as the cooperative requires), then admitted.
/// </summary>
internal sealed class Village
{
    public static readonly DateOnly Founded = new(2017, 3, 1);

    private readonly IClusterClient _client;

    private Village(IClusterClient client, string cooperativeId)
    {
        _client = client;
        CooperativeId = cooperativeId;
    }

    public string CooperativeId { get; }

    public ICooperativeGrain Cooperative => _client.GetGrain<ICooperativeGrain>(CooperativeId);

    public IShareRegisterGrain Register => _client.GetGrain<IShareRegisterGrain>(CooperativeId);

    public IMemberTradeGrain Trade(int fiscalYear) =>
        _client.GetGrain<IMemberTradeGrain>(new CooperativeYear(CooperativeId, fiscalYear).ToString());

    public IDividendDeclarationGrain Declaration(int fiscalYear) =>
        _client.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(CooperativeId, fiscalYear).ToString());

    public IHouseholdGrain Household(string householdId) => _client.GetGrain<IHouseholdGrain>(householdId);

    /// <summary>Registers the cooperative and, when given, records its charter.</summary>
    public static async Task<Village> FoundAsync(IClusterClient client, Charter? charter = null)
    {
        var village = new Village(client, Samples.CooperativeId());
        await village.Cooperative.Register(Samples.Cooperative());
        if (charter is not null) await village.Register.SetCharter(charter);
        return village;
    }

    public async Task<string> HouseholdAsync(string headName, PovertyStatus status = PovertyStatus.NotPoor, bool officer = false)
    {
        var id = Samples.HouseholdId();
        await Household(id).Register(Samples.Household(headName),
            status == PovertyStatus.NotPoor ? null : Samples.Change(status, new(2014, 10, 15)));
        await Cooperative.AddMember(new(id, MemberKind.Household, headName + "户", IsFarmer: true, Founded, officer));
        return id;
    }

    public async Task<string> IndividualAsync(string name, bool farmer = true, bool officer = false)
    {
        var id = Ids.New("ind");
        await Cooperative.AddMember(new(id, MemberKind.Individual, name, farmer, Founded, officer));
        return id;
    }

    /// <summary>Admits <paramref name="count"/> individuals in one write; their ids sort in the order returned.</summary>
    public async Task<IReadOnlyList<string>> IndividualsAsync(int count)
    {
        var tag = CooperativeId[(Ids.Cooperative.Length + 1)..];
        var ids = Enumerable.Range(1, count).Select(i => $"ind-{tag}-{i:D5}").ToArray();
        await Cooperative.AddMembers(
            [.. ids.Select(id => new CooperativeMember(id, MemberKind.Individual, "社员" + id[^5..], IsFarmer: true, Founded))]);
        return ids;
    }

    public async Task<string> CollectiveAsync()
    {
        var id = Samples.CollectiveId();
        await _client.GetGrain<IVillageCollectiveGrain>(id).Register(Samples.Collective());
        await Cooperative.AddMember(new(id, MemberKind.VillageCollective, "舍烹村股份经济合作社", IsFarmer: false, Founded));
        return id;
    }

    public async Task<string> EnterpriseAsync()
    {
        var id = Samples.EnterpriseId();
        await _client.GetGrain<IEnterpriseGrain>(id).Register(Samples.Enterprise());
        await Cooperative.AddMember(new(id, MemberKind.Enterprise, "盘山农业公司", IsFarmer: false, Founded));
        return id;
    }
}
