using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Assemblies;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>The member assembly's part of a payment: a held meeting, every member present, passing the year's plan.</summary>
internal static class AssemblySteps
{
    public static async Task<Assembly> PassPlanAsync(IGrainFactory grains, string cooperativeId, int fiscalYear)
    {
        var grain = grains.GetGrain<IAssemblyGrain>(new AssemblyKey(cooperativeId, $"asm-plan-{fiscalYear}-{Guid.NewGuid():N}").ToString());
        var called = await grain.Call(new CallAssembly($"{fiscalYear} 年度成员大会", AssemblyMode.Held,
            [new ResolutionDraft(ResolutionSubject.DistributionPlan, $"{fiscalYear} 年度盈余分配方案", fiscalYear)]), "coop.panzhou");
        return await grain.RecordHeld(new HeldMeeting(called.Roll.Seats,
            new Dictionary<string, ResolutionCount> { ["r1"] = new(called.Roll.TotalVotes, 0, 0) }, "全体成员出席，一致通过。"), "coop.panzhou");
    }

    /// <summary>
    /// A held meeting of every member on one charter amendment, <paramref name="yesShare"/> of all votes for it (the rest
    /// against); answers the amendment's reference ("asm-…/r1") and the closed assembly.
    /// </summary>
    public static async Task<(string Reference, Assembly Assembly)> VoteCharterAmendmentAsync(IGrainFactory grains, string cooperativeId, double yesShare = 1)
    {
        var id = $"asm-charter-{Guid.NewGuid():N}";
        var grain = grains.GetGrain<IAssemblyGrain>(new AssemblyKey(cooperativeId, id).ToString());
        var called = await grain.Call(new CallAssembly("修改章程成员大会", AssemblyMode.Held,
            [new ResolutionDraft(ResolutionSubject.CharterAmendment, "修改章程：公积金提取比例")]), "coop.admin");
        var yes = (int)Math.Floor(called.Roll.TotalVotes * yesShare);
        var closed = await grain.RecordHeld(new HeldMeeting(called.Roll.Seats,
            new Dictionary<string, ResolutionCount> { ["r1"] = new(yes, called.Roll.TotalVotes - yes, 0) }, "表决修改章程。"), "coop.admin");
        return ($"{id}/r1", closed);
    }

    public static Task<Assembly> PassPlanAsync(this ClosedYear year, IGrainFactory grains) =>
        PassPlanAsync(grains, year.Village.CooperativeId, ClosedYear.FiscalYear);
}
