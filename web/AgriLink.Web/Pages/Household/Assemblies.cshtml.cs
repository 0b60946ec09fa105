using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// The member assemblies of the household's cooperatives: vote from the phone while an online assembly is open (the
/// ballot can be changed until it closes; only the household's own choices are shown), the results once counted.
/// Works through <see cref="AssembliesApi"/>; the lists come from the projections.
/// </summary>
public sealed class AssembliesModel(NoticeBoardQueries board) : HouseholdPage
{
    public sealed record Meeting(string CooperativeId, string CooperativeName, BoardAssembly Listed, AssemblyView? Open);

    public List<Meeting> Meetings { get; } = [];

    /// <summary>The cooperatives the household is a supervisor (监事) of: it audits their online ballots.</summary>
    public HashSet<string> Supervised { get; } = new(StringComparer.Ordinal);

    [BindProperty] public string? CooperativeId { get; set; }
    [BindProperty] public string? AssemblyId { get; set; }
    [BindProperty] public Dictionary<string, VoteChoice> Choices { get; set; } = [];

    public async Task OnGetAsync()
    {
        var household = Household();
        foreach (var coop in await Api.Lists.CooperativesOfMember(household))
        {
            if (await Api.SupervisesCooperative(coop.Id)) Supervised.Add(coop.Id);
            foreach (var listed in await board.Assemblies(coop.Id, 10))
            {
                var open = listed is { Status: "Open", Mode: "Online" }
                    ? Value<AssemblyView>(await AssembliesApi.Get(Api, coop.Id, listed.Id[(listed.Id.LastIndexOf(':') + 1)..]))
                    : null;
                Meetings.Add(new Meeting(coop.Id, coop.Name, listed, open));
            }
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Household();
        Value<Ballot>(await AssembliesApi.Cast(Api, CooperativeId ?? "", AssemblyId ?? "", new BallotRequest(Choices)));
        return Redirect("/household/assemblies?voted=" + Uri.EscapeDataString(AssemblyId ?? ""));
    }

    public static string Word(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "赞成",
        VoteChoice.No => "反对",
        _ => "弃权",
    };
}
