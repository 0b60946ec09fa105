using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Common;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Households;
using AgriLink.Grains.Shares;
using AgriLink.Grains.VillageCollectives;

namespace AgriLink.Grains.Cooperatives;

public sealed class CooperativeGrain(
    [PersistentState("cooperative", GrainStorage.Main)] IPersistentState<CooperativeState> state,
    TimeProvider clock) : Grain, ICooperativeGrain
{
    private const string Resource = "cooperative";
    private string Id => this.GetPrimaryKeyString();

    /// <summary>Members whose removal is asking the share register: <see cref="Roll"/> leaves them out until it ends.</summary>
    private readonly HashSet<string> _leaving = new(StringComparer.Ordinal);

    public Task<bool> Exists() => Task.FromResult(state.State.Profile is not null);

    public Task<CooperativeDetails> Get() => Task.FromResult(Details(state.State));

    public Task<IReadOnlyList<CooperativeMember>> Roll() =>
        Task.FromResult<IReadOnlyList<CooperativeMember>>(_leaving.Count == 0
            ? state.State.Members
            : state.State.Members.Where(m => !_leaving.Contains(m.MemberId)).ToList());

    public async Task<CooperativeDetails> Register(CooperativeProfile profile)
    {
        Guard.NotYetRegistered(state.State.Profile is not null, Resource, Id);
        profile.Validate(clock.Today());
        var now = clock.Now();
        return await Save(new CooperativeState { Profile = profile.Normalized(), RegisteredAt = now, UpdatedAt = now });
    }

    public async Task<CooperativeDetails> UpdateProfile(CooperativeProfile profile)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        profile.Validate(clock.Today());
        return await Save(state.State with { Profile = profile.Normalized(), UpdatedAt = clock.Now() });
    }

    public async Task<CooperativeDetails> SetPhoto(Domain.Photos.Photo? photo)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        if (photo is not null && (!Domain.Photos.Photo.IsWellFormedId(photo.Id) || photo.Width <= 0 || photo.Height <= 0))
            throw ValidationFailedException.For("photo", "is not a stored photo.");
        return await Save(state.State with { Photo = photo, UpdatedAt = clock.Now() });
    }

    public Task<CooperativeMember?> Member(string memberId)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        return Task.FromResult(state.State.Members.FirstOrDefault(m => m.MemberId == memberId));
    }

    public Task<CooperativeDetails> AddMember(CooperativeMember member) => AddMembers([member]);

    public async Task<CooperativeDetails> AddMembers(IReadOnlyList<CooperativeMember> members)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        var existing = state.State.Members.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var admitted = new List<CooperativeMember>(members.Count);
        foreach (var candidate in members)
        {
            candidate.Validate(clock.Today());
            if (candidate.Office != CooperativeOffice.None)
                throw ValidationFailedException.For("office", "is recorded by the assembly's election (RecordOffices), not on admission.");
            var member = candidate with { MemberId = candidate.MemberId.Trim(), DisplayName = candidate.DisplayName.Trim() };
            if (!existing.Add(member.MemberId))
                throw new RuleViolationException("cooperative.member-exists", $"'{member.MemberId}' is already a member.");
            if (!await MemberExists(member))
                throw ValidationFailedException.For("memberId", $"No '{member.Kind}' with id '{member.MemberId}' is registered.");
            admitted.Add(member);
        }
        return await Save(state.State with { Members = [.. state.State.Members, .. admitted], UpdatedAt = clock.Now() });
    }

    public async Task<CooperativeDetails> AdmitAccepted(CooperativeMember member)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        member.Validate(clock.Today());
        if (member.Kind != MemberKind.Household)
            throw ValidationFailedException.For("kind", "only households accept invitations.");
        if (state.State.Members.Any(m => m.MemberId == member.MemberId)) return Details(state.State);
        return await Save(state.State with { Members = [.. state.State.Members, member], UpdatedAt = clock.Now() });
    }

    public Task<IReadOnlyList<string>> MemberIds(MemberKind kind) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Members.Where(m => m.Kind == kind).Select(m => m.MemberId).ToList());

    public async Task<CooperativeDetails> RemoveMember(string memberId)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        memberId = memberId.Trim();
        if (state.State.Members.All(m => m.MemberId != memberId))
            throw new NotFoundException("member", memberId);
        // From here until the write, an issue to this member is refused (Roll leaves it out): otherwise an issue could read
        // the roll between the register's answer below and the write, and register a holding of a member removed after.
        _leaving.Add(memberId);
        try
        {
            // A shareholder leaves by written notice, effective at a year end (law Art. 25), not by deletion.
            if ((await GrainFactory.GetGrain<IShareRegisterGrain>(Id).HoldingsOf(memberId)).Count > 0)
                throw new RuleViolationException("cooperative.member-holds-shares",
                    $"'{memberId}' holds shares; record a withdrawal notice instead. Membership ends at the fiscal year end it takes effect.");
            return await Save(state.State with
            {
                Members = state.State.Members.Where(m => m.MemberId != memberId).ToList(),
                UpdatedAt = clock.Now(),
            });
        }
        finally
        {
            _leaving.Remove(memberId);
        }
    }

    public async Task<CooperativeDetails> RecordOffices(IReadOnlyList<OfficeChange> changes, string? resolution)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        if (string.IsNullOrWhiteSpace(resolution))
        {
            if (state.State.OfficesRecorded) throw OfficeElection.NoResolution();
        }
        else
        {
            var (assemblyId, resolutionId) = PassedResolution.Parse(resolution.Trim());
            var assembly = await GrainFactory.GetGrain<IAssemblyGrain>(new AssemblyKey(Id, assemblyId).ToString()).Find();
            OfficeElection.EnsureAuthorises(resolution.Trim(), assembly?.Resolutions.FirstOrDefault(r => r.ResolutionId == resolutionId), assembly?.ClosedAt);
        }
        return await Save(state.State with { Members = OfficeElection.Apply(state.State.Members, changes), OfficesRecorded = true, UpdatedAt = clock.Now() });
    }

    private Task<bool> MemberExists(CooperativeMember member) => member.Kind switch
    {
        MemberKind.Household => GrainFactory.GetGrain<IHouseholdGrain>(member.MemberId).Exists(),
        MemberKind.VillageCollective => GrainFactory.GetGrain<IVillageCollectiveGrain>(member.MemberId).Exists(),
        MemberKind.Enterprise => GrainFactory.GetGrain<IEnterpriseGrain>(member.MemberId).Exists(),
        // Individuals may join without a platform account (law Art. 19).
        _ => Task.FromResult(true),
    };

    /// <summary>Stores the change with its audit entry (the cooperative before and after), when the caller declared one.</summary>
    private async Task<CooperativeDetails> Save(CooperativeState next)
    {
        var before = state.State.Profile is null ? null : Details(state.State);
        var after = Details(next);
        await state.CommitAsync(next, AuditEntries.Changes(Resource, Id, before, after));
        return after;
    }

    private CooperativeDetails Details(CooperativeState s) =>
        new(Id, Guard.Existing(s.Profile, Resource, Id), s.Members, s.RegisteredAt, s.UpdatedAt, s.Photo);
}
