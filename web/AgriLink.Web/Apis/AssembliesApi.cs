using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Identifiers;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Member assemblies (成员大会): the admins call one (online voting window or a held meeting), members vote from their
/// phones, the admins close the count or record the held meeting. A passed distribution-plan resolution is what lets
/// the year's dividend be paid. Ballots are secret from the other members and from the admins: the cooperative's
/// supervisors (监事) and the operators audit them, and each reading is itself audited. A held meeting keeps photos of its
/// signed attendance sheet. Lists come from the projections.
/// </summary>
public static class AssembliesApi
{
    private const string AuditResource = "assembly";

    /// <summary>Assemblies per page of the list.</summary>
    public const int PageSize = 20;

    public static RouteGroupBuilder MapAssembliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives/{id}/assemblies").WithTags("Assemblies").RequireAuthorization();
        api.MapGet("/", List).WithName("ListAssemblies").WithSummary("The cooperative's assemblies, newest first, with their resolutions and counts.");
        api.MapPost("/", Call).WithName("CallAssembly").WithSummary("Call an assembly: online voting until closesAt, or a held meeting to record.");
        api.MapGet("/{assemblyId}", Get).WithName("GetAssembly").WithSummary("The assembly, its roll and resolutions, and the caller's own ballot.");
        api.MapPut("/{assemblyId}/ballot", Cast).WithName("CastBallot").WithSummary("A member's ballot; sent again, it replaces the earlier one until the close.");
        api.MapGet("/{assemblyId}/ballots", Ballots).WithName("AuditBallots")
            .WithSummary("Every ballot, for the audit: the cooperative's supervisors and operators only; each reading is audited.");
        api.MapPost("/{assemblyId}/close", Close).WithName("CloseAssembly").WithSummary("Close online voting after its end and count against all votes.");
        api.MapPost("/{assemblyId}/held", RecordHeld).WithName("RecordHeldAssembly")
            .WithSummary("Record a held meeting: attendance, the hand-count per resolution and the minutes.");
        api.MapPost("/{assemblyId}/sheet", AddSheetPhoto).WithName("AddAssemblySheetPhoto").DisableAntiforgery()
            .WithSummary("Upload a photo of the held meeting's signed attendance sheet or minutes (JPEG, PNG or WebP, the field 'file'; at most 6).");
        api.MapDelete("/{assemblyId}/sheet/{photoId}", RemoveSheetPhoto).WithName("RemoveAssemblySheetPhoto")
            .WithSummary("Delete a sheet photo before the meeting is recorded.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<BoardAssembly>>, ForbidHttpResult>> List(
        [AsParameters] ApiServices s, NoticeBoardQueries board, string id, string? before)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await board.Assemblies(id, PageSize, before));
    }

    public static async Task<Results<Created<AssemblyView>, ForbidHttpResult>> Call([AsParameters] ApiServices s, TimeProvider clock, string id, CallAssembly request)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        // Ids sort by when the assembly was called, so the list (keyset by id) is newest first.
        var key = new AssemblyKey(id, Ids.NewOrdered("asm", Grains.Common.ChinaClock.Now(clock)));
        using var audit = s.Audit.Declare(s.User, "assembly.call", AuditResource, key.ToString());
        var assembly = await s.Grains.GetGrain<IAssemblyGrain>(key.ToString()).Call(request, s.User.ActorName());
        return TypedResults.Created($"/api/cooperatives/{id}/assemblies/{key.AssemblyId}", new AssemblyView(assembly, null, VotingRules.CapSharing));
    }

    public static async Task<Results<Ok<AssemblyView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id, string assemblyId)
    {
        var relation = s.User.IsPlatformAdmin() ? CooperativeRelation.Admin : await s.RelationTo(id);
        if (relation == CooperativeRelation.None) return TypedResults.Forbid();
        var grain = Grain(s, id, assemblyId);
        var assembly = await grain.Get();
        int? turnout = assembly.Mode == AssemblyMode.Online ? await grain.Turnout() : null;
        if (relation == CooperativeRelation.Admin) return TypedResults.Ok(new AssemblyView(assembly, null, VotingRules.CapSharing, turnout));
        var mine = await grain.BallotOf(Household(s));
        return TypedResults.Ok(new AssemblyView(assembly with { Voters = [] }, mine, VotingRules.CapSharing, turnout));
    }

    public static async Task<Results<Ok<Ballot>, ForbidHttpResult>> Cast([AsParameters] ApiServices s, string id, string assemblyId, BallotRequest request)
    {
        if (await s.RelationTo(id) != CooperativeRelation.Member) return TypedResults.Forbid();
        var member = Household(s);
        using var audit = s.Audit.Declare(s.User, "assembly.ballot", AuditResource, new AssemblyKey(id, assemblyId).ToString());
        return TypedResults.Ok(await Grain(s, id, assemblyId).Cast(member, request.Choices ?? new Dictionary<string, VoteChoice>()));
    }

    public static async Task<Results<Ok<IReadOnlyList<Ballot>>, ForbidHttpResult>> Ballots([AsParameters] ApiServices s, string id, string assemblyId)
    {
        if (!s.User.IsPlatformAdmin() && !await s.SupervisesCooperative(id)) return TypedResults.Forbid();
        var grain = Grain(s, id, assemblyId);
        await grain.Get(); // an unknown assembly is a 404, and leaves no entry
        var ballots = await grain.Ballots();
        // Who read the secret ballots is on the record before they are shown (a failed entry shows nothing).
        await s.Audit.Record(s.User, "assembly.ballots-read", AuditResource, new AssemblyKey(id, assemblyId).ToString(), null,
            new { ballots = ballots.Count });
        return TypedResults.Ok(ballots);
    }

    public static Task<Results<Ok<AssemblyView>, ForbidHttpResult>> Close([AsParameters] ApiServices s, string id, string assemblyId) =>
        AdminChange(s, id, assemblyId, "assembly.close", g => g.Close(s.User.ActorName()));

    public static Task<Results<Ok<AssemblyView>, ForbidHttpResult>> RecordHeld([AsParameters] ApiServices s, string id, string assemblyId, HeldMeeting meeting) =>
        AdminChange(s, id, assemblyId, "assembly.record-held", g => g.RecordHeld(meeting, s.User.ActorName()));

    public static async Task<Results<Ok<AssemblyView>, ForbidHttpResult>> AddSheetPhoto(
        [AsParameters] ApiServices s, PhotoLibrary photos, HttpRequest request, string id, string assemblyId, CancellationToken ct)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var grain = Grain(s, id, assemblyId);
        // Refused before the upload is read or anything stored; the grain decides again with the commit.
        AssemblyWorkflow.EnsureSheetAccepts(await grain.Get());
        var processed = await photos.Processor.ProcessAsync(await PhotosApi.ReadUpload(request, photos.Processor, ct), $"assembly:{id}:{assemblyId}", ct);
        using var audit = s.Audit.Declare(s.User, "assembly.sheet-add", AuditResource, new AssemblyKey(id, assemblyId).ToString());
        var changed = await photos.StoreThenCommitAsync(processed, () => grain.AddSheetPhoto(processed.Photo),
            async () => (await grain.Get()).SheetPhotos?.Any(p => p.Id == processed.Photo.Id) == true, ct);
        return TypedResults.Ok(new AssemblyView(changed, null, VotingRules.CapSharing));
    }

    public static async Task<Results<Ok<AssemblyView>, ForbidHttpResult>> RemoveSheetPhoto(
        [AsParameters] ApiServices s, PhotoLibrary photos, string id, string assemblyId, string photoId)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        var grain = Grain(s, id, assemblyId);
        var removed = (await grain.Get()).SheetPhotos?.FirstOrDefault(p => p.Id == photoId);
        using var audit = s.Audit.Declare(s.User, "assembly.sheet-remove", AuditResource, new AssemblyKey(id, assemblyId).ToString());
        var changed = await grain.RemoveSheetPhoto(photoId);
        if (removed is not null) await photos.DeleteAsync(removed);
        return TypedResults.Ok(new AssemblyView(changed, null, VotingRules.CapSharing));
    }

    private static async Task<Results<Ok<AssemblyView>, ForbidHttpResult>> AdminChange(
        ApiServices s, string id, string assemblyId, string action, Func<IAssemblyGrain, Task<Assembly>> command)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, AuditResource, new AssemblyKey(id, assemblyId).ToString());
        return TypedResults.Ok(new AssemblyView(await command(Grain(s, id, assemblyId)), null, VotingRules.CapSharing));
    }

    private static string Household(ApiServices s) => s.User.FindFirst(AgriLinkClaims.Household)!.Value;

    private static IAssemblyGrain Grain(ApiServices s, string id, string assemblyId) =>
        s.Grains.GetGrain<IAssemblyGrain>(new AssemblyKey(id, assemblyId).ToString());
}
