using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's members and admitting one, through <c>CooperativesApi.Get</c> and <c>AddMember</c>. A household is
/// invited (it joins when it accepts on its own page); the page then says so (<c>?invited=</c>). Offices (理事长, 理事,
/// 监事) are recorded through <c>CooperativesApi.RecordOffices</c>, after the founding officers with the election's resolution.
/// </summary>
public sealed class MembersModel(TimeProvider clock, MonitoringQueries monitoring, DirectoryQueries directory) : CooperativePage
{
    public const int CandidatesPageSize = 20;

    public IReadOnlyList<CooperativeMember> Members { get; private set; } = [];

    /// <summary>Member households under confirmed 防返贫监测 (name and village only), for offering an offtake or a preferred share.</summary>
    public IReadOnlyList<MonitoredMember> Monitored { get; private set; } = [];

    [BindProperty] public string? MemberId { get; set; }
    [BindProperty] public MemberKind Kind { get; set; } = MemberKind.Household;
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public bool IsFarmer { get; set; } = true;
    [BindProperty] public DateOnly JoinedOn { get; set; } = clock.Today();
    [BindProperty] public bool IsOfficer { get; set; }

    /// <summary>The head's name (its start) and the village to look for registered households of the county by.</summary>
    [BindProperty(SupportsGet = true, Name = "find")] public string? Find { get; set; }
    [BindProperty(SupportsGet = true, Name = "village")] public string? FindVillage { get; set; }
    [BindProperty(SupportsGet = true, Name = "after")] public string? FindAfter { get; set; }

    /// <summary>The county's registered households found (not yet members; <c>Status</c> is the village), a page at a time.</summary>
    public ListPage<Grains.Directory.DirectoryEntry>? Candidates { get; private set; }

    /// <summary>The household just invited, for the notice that its consent is awaited.</summary>
    [BindProperty(SupportsGet = true, Name = "invited")] public string? Invited { get; set; }

    [BindProperty, ProblemField("changes[0].memberId"), ProblemField("changes")] public string? OfficeMember { get; set; }
    [BindProperty, ProblemField("changes[0].office")] public CooperativeOffice Office { get; set; }
    [BindProperty, ProblemField("resolution")] public string? Resolution { get; set; }

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPostOfficeAsync()
    {
        var coop = await Load();
        if (!ModelState.IsValid) return Page();
        Value<CooperativeDetails>(await CooperativesApi.RecordOffices(Api, coop,
            new RecordOfficesRequest([new OfficeChange(OfficeMember ?? "", Office)], string.IsNullOrWhiteSpace(Resolution) ? null : Resolution.Trim())));
        return Redirect($"/cooperative/members?coop={Uri.EscapeDataString(coop)}#offices");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Load();
        if (!ModelState.IsValid) return Page();
        var answer = await CooperativesApi.AddMember(Api, coop,
            new CooperativeMember(MemberId?.Trim() ?? "", Kind, DisplayName?.Trim() ?? "", IsFarmer, JoinedOn, IsOfficer), clock);
        if (answer.Result is Microsoft.AspNetCore.Http.HttpResults.Accepted<MembershipInvitationSent> { Value: { } sent })
            return Redirect($"/cooperative/members?coop={Uri.EscapeDataString(coop)}&invited={Uri.EscapeDataString(sent.MemberId)}");
        Value<CooperativeDetails>(answer);
        return Redirect($"/cooperative/members?coop={Uri.EscapeDataString(coop)}");
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        var details = Value<CooperativeDetails>(await CooperativesApi.Get(Api, coop));
        Members = details.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(Find) || !string.IsNullOrWhiteSpace(FindVillage))
            Candidates = await directory.HouseholdsToInvite(details.Profile.CountyCode, coop, Find?[..Math.Min(Find.Length, 50)], FindVillage?[..Math.Min(FindVillage.Length, 50)],
                new PageRequest(0, CandidatesPageSize, FindAfter));
        Monitored = Value<IReadOnlyList<MonitoredMember>>(await MonitoringCasesApi.MonitoredMembers(Api, monitoring, coop, null, 200));
        return coop;
    }
}
