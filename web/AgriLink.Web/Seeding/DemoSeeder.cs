using System.Security.Claims;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Enterprises;
using AgriLink.Grains.Hosting;
using AgriLink.Grains.Households;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Listings;
using AgriLink.Grains.Monitoring;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Shares;
using AgriLink.Grains.VillageCollectives;
using AgriLink.Storage;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Seeding;

/// <summary>
/// Seeds the demo on first start, before the server listens. Every step skips what already
/// exists, so a start killed half-way finishes the job next time; an installation that holds
/// real accounts and was never seeded is left alone.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes, IGrainFactory grains, AgriLinkDatabase database, TimeProvider clock, ILogger<DemoSeeder> logger)
    : IHostedService
{
    private const string SeededKey = "demo.seeded";
    private const string SeedingKey = "demo.seeding";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken ct)
    {
        if (await database.GetMetaAsync(SeededKey, ct) is not null) return;
        // Several web nodes of one cluster start together: one seeds, the others wait until it is done.
        var lease = grains.GetGrain<IClusterLeaseGrain>("demo-seeding");
        var holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        while (!await lease.TryAcquire(holder, LeaseTime))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            if (await database.GetMetaAsync(SeededKey, ct) is not null) return;
        }
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(lease, holder, renewing.Token);
        try
        {
            if (await database.GetMetaAsync(SeededKey, ct) is null) await SeedAsync(ct);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await lease.Release(holder);
        }
    }

    private static async Task RenewAsync(IClusterLeaseGrain lease, string holder, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTime / 4, ct);
                try
                {
                    await lease.TryAcquire(holder, LeaseTime);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A silo moving the lease grain: the next renewal, well inside the lease, tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Seeding finished.
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
        if (await database.GetMetaAsync(SeedingKey, ct) is null && await users.Users.AnyAsync(ct))
        {
            logger.LogInformation("Accounts exist and the demo was never seeded: not seeding");
            return;
        }
        await database.SetMetaAsync(SeedingKey, DateTimeOffset.UtcNow.ToString("O"), ct);
        logger.LogInformation("Seeding the Guizhou demo");

        await SeedOrganisations();
        await SeedHouseholds();
        await SeedOffices();
        await SeedListings();
        await SeedShares();
        await new DemoMarketplace(grains, clock).SeedAsync();
        await SeedCases();
        // An installation that removed the demo's accounts (remove-demo-accounts) keeps its data but never gets them back.
        if (await database.GetMetaAsync(Accounts.AccountsCommand.DemoAccountsRemovedKey, ct) is null)
            await SeedAccounts(scope.ServiceProvider);

        await database.SetMetaAsync(SeededKey, DateTimeOffset.UtcNow.ToString("O"), ct);
        logger.LogInformation("Demo seeded: {Cooperatives} cooperatives, {Listings} listings, {Accounts} accounts",
            DemoData.Cooperatives.Length, DemoData.Listings.Length, DemoData.Accounts.Length);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task SeedOrganisations()
    {
        foreach (var (id, profile) in DemoData.Collectives)
            if (!await grains.GetGrain<IVillageCollectiveGrain>(id).Exists()) await grains.GetGrain<IVillageCollectiveGrain>(id).Register(profile);
        foreach (var (id, profile) in DemoData.Enterprises)
            if (!await grains.GetGrain<IEnterpriseGrain>(id).Exists()) await grains.GetGrain<IEnterpriseGrain>(id).Register(profile);
        foreach (var (id, profile) in DemoData.Buyers)
            if (!await grains.GetGrain<IBuyerGrain>(id).Exists()) await grains.GetGrain<IBuyerGrain>(id).Register(profile);
        foreach (var coop in DemoData.Cooperatives)
        {
            var grain = grains.GetGrain<ICooperativeGrain>(coop.Id);
            if (!await grain.Exists()) await grain.Register(coop.Profile);
            await AdmitOnce(coop.Id);
            var collective = DemoData.Collectives.Single(c => c.Id == coop.CollectiveId);
            await AddMemberOnce(grain, new(coop.CollectiveId, MemberKind.VillageCollective, collective.Profile.Name, false, coop.Profile.FoundedOn));
        }
        var investor = DemoData.Enterprises[1];
        await AddMemberOnce(grains.GetGrain<ICooperativeGrain>("coop-pzcili"),
            new(investor.Id, MemberKind.Enterprise, investor.Profile.Name, false, new(2017, 3, 1)));
    }

    /// <summary>Demo cooperatives are admitted suppliers: applied, recommended by their county, approved by the platform.</summary>
    private async Task AdmitOnce(string cooperativeId)
    {
        var admission = grains.GetGrain<ICooperativeAdmissionGrain>(cooperativeId);
        var status = (await admission.Get()).Status;
        if (status == AdmissionStatus.NotApplied) status = (await admission.Apply("demo", "入驻申请")).Status;
        if (status == AdmissionStatus.Applied) status = (await admission.Recommend("demo", "县乡村振兴局推荐")).Status;
        if (status == AdmissionStatus.CountyRecommended) await admission.Approve("demo", "平台审核通过");
    }

    private async Task SeedHouseholds()
    {
        foreach (var (id, coopId, profile, history) in DemoData.Households())
        {
            var household = grains.GetGrain<IHouseholdGrain>(id);
            if (!await household.Exists())
            {
                await household.Register(profile, history.FirstOrDefault());
                foreach (var change in history.Skip(1)) await household.ChangePovertyStatus(change);
            }
            var coop = DemoData.Cooperatives.Single(c => c.Id == coopId);
            var officer = id.EndsWith("01", StringComparison.Ordinal);
            await AddMemberOnce(grains.GetGrain<ICooperativeGrain>(coopId),
                new(id, MemberKind.Household, profile.HeadName, true, coop.Profile.FoundedOn.AddMonths(1), officer));
        }
    }

    /// <summary>舍烹村's founding officers as the founding meeting elected them: the demo farmer's household is its supervisor (监事).</summary>
    private async Task SeedOffices()
    {
        var coop = grains.GetGrain<ICooperativeGrain>(DemoShares.CooperativeId);
        if ((await coop.Get()).Members.All(m => m.Office == CooperativeOffice.None))
            await coop.RecordOffices([new OfficeChange(DemoShares.Supervisor, CooperativeOffice.Supervisor)], null);
    }

    private async Task SeedListings()
    {
        foreach (var (id, coopId, draft, publish) in DemoData.Listings)
        {
            var listing = grains.GetGrain<IListingGrain>(id);
            if (await listing.Exists()) continue;
            await listing.Create(coopId, draft);
            if (publish) await listing.Publish();
        }
    }

    private async Task SeedShares()
    {
        var register = grains.GetGrain<IShareRegisterGrain>(DemoShares.CooperativeId);
        if (await register.GetCharter() is null) await register.SetCharter(DemoShares.Charter);
        if ((await register.View(null)).LastSequence == 0)
        {
            await register.IssueMany([.. DemoShares.Holdings(), DemoShares.LoanBacked], DemoShares.Preparer, "三变改革入股登记");
        }
        var fund = grains.GetGrain<IFiscalFundGrain>(new CooperativeFund(DemoShares.CooperativeId, DemoShares.FundId).ToString());
        if (await fund.Get() is null) await fund.Register(DemoShares.Fund, DemoShares.Preparer);
        var trade = grains.GetGrain<IMemberTradeGrain>(new CooperativeYear(DemoShares.CooperativeId, DemoShares.FiscalYear).ToString());
        await trade.RecordMany(DemoShares.Trade2025().ToList());

        // Each step resumes where an interrupted first start left off.
        var declaration = grains.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(DemoShares.CooperativeId, DemoShares.FiscalYear).ToString());
        if (!(await register.DeclaredYears()).Contains(DemoShares.FiscalYear))
            await declaration.Prepare(DemoShares.Figures2025, DemoShares.Preparer);
        if ((await declaration.Get()).Declaration.Status == DeclarationStatus.Draft)
            await declaration.Approve(DemoShares.Approver);
        if ((await declaration.Get()).Declaration.Status == DeclarationStatus.Approved)
        {
            var today = clock.Today();
            await declaration.Publicise(today, today.AddDays(DemoShares.Charter.NoticeDays - 1), DemoShares.Approver);
        }
        // The member assembly that decides the plan, called as a meeting in the village: it can be recorded (and the plan
        // paid) once the notice has ended with its objections settled, which on a new demo is a week away.
        var assembly = grains.GetGrain<IAssemblyGrain>(DemoShares.AssemblyKey.ToString());
        if (await assembly.Find() is null)
            await assembly.Call(DemoShares.Assembly, DemoShares.Preparer);
    }

    private async Task SeedCases()
    {
        foreach (var (caseId, householdId, note, review) in DemoData.Cases)
        {
            var grain = grains.GetGrain<IMonitoringCaseGrain>(caseId);
            var found = await grain.Get() ?? (await grains.GetGrain<IHouseholdMonitoringGrain>(householdId).OpenCase(caseId,
                new OpenCase(householdId, review is null ? DiscoveryChannel.SelfReport : DiscoveryChannel.CadreVisit, note),
                review is null ? CaseRole.Household : CaseRole.VillageCadre, review is null ? "demo" : "cadre.shepeng")).Case;
            if (review is not null && found.Case.Stage == CaseStage.Reported)
                await grain.Act(new CaseCommand(CaseAction.VillageReview, review), CaseRole.VillageCadre, "cadre.shepeng");
        }
        var visit = grains.GetGrain<IMonitoringVisitGrain>(DemoData.Visit.VisitId);
        if (await visit.Get() is null)
            await visit.Log(new CadreVisit(DemoData.Visit.HouseholdId, clock.Today(), DemoData.Visit.Note, FoundRisk: false), CaseRole.VillageCadre, "cadre.shepeng");
    }

    private static async Task AddMemberOnce(ICooperativeGrain coop, CooperativeMember member)
    {
        if ((await coop.Get()).Members.All(m => m.MemberId != member.MemberId)) await coop.AddMember(member);
    }

    private static async Task SeedAccounts(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AgriLinkUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        foreach (var account in DemoData.Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new AgriLinkUser { UserName = account.UserName, DisplayName = account.DisplayName };
            Check(await users.CreateAsync(user, DemoData.Password));
            Check(await users.AddToRoleAsync(user, account.Role));
            if (account.UserName == DemoData.TwoFactorOperator)
            {
                // A published key: the demo shows two-factor sign-in; every code it takes is printed at start.
                var keys = (IUserAuthenticatorKeyStore<AgriLinkUser>)services.GetRequiredService<IUserStore<AgriLinkUser>>();
                await keys.SetAuthenticatorKeyAsync(user, DemoData.TwoFactorKey, CancellationToken.None);
                Check(await users.UpdateAsync(user));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            // Demo accounts (published password) are exempt from the two-factor requirement (TwoFactorRequirement) and are
            // what remove-demo-accounts removes.
            List<Claim> claims = [new(AgriLinkClaims.DisplayName, account.DisplayName), new(AgriLinkClaims.Demo, "true")];
            if (account.ClaimType is not null) claims.Add(new(account.ClaimType, account.ObjectId!));
            Check(await users.AddClaimsAsync(user, claims));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Seeding an account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
