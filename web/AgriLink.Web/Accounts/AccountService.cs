using AgriLink.Domain.Codes;
using System.Security.Claims;
using System.Text.Json;
using AgriLink.Domain.Errors;
using AgriLink.Storage;
using AgriLink.Storage.Audit;
using AgriLink.Storage.Changes;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Accounts opened by invitation and passwords set by their owners. Each change is one database transaction on
/// Identity's connection: the account, the code it used or issued, and its audit entry commit together or not at all.
/// </summary>
public sealed partial class AccountService(
    UserManager<AgriLinkUser> users, IdentityStore store, AgriLinkDatabase database, InvitationRules rules,
    ISmsSender sms, IEmailSender email, SessionStamps stamps, TimeProvider clock, IOptions<AccountsOptions> options)
{
    public const string AuditResource = "account";
    public const string CodeAuditResource = "account-code";

    /// <summary>Issues an invitation; null when the inviter may not invite that role for that object.</summary>
    public async Task<(AccountCode Row, string Code)?> InviteAsync(ClaimsPrincipal inviter, InvitationRequest request)
    {
        var (role, objectId) = Validate(request);
        if (!await rules.MayInvite(inviter, role, objectId)) return null;
        var row = NewCode(AccountCodePurpose.Invitation, inviter, options.Value.InvitationLifetime, out var code);
        row.Role = role;
        row.ClaimType = InvitationRules.ClaimFor(role);
        row.ObjectId = objectId;
        row.DisplayName = request.DisplayName!.Trim();
        row.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        await InTransaction(async tx =>
        {
            store.AccountCodes.Add(row);
            await store.SaveChangesAsync();
            await Audit(tx, AuditTrail.Actor(inviter), "account.invite", CodeAuditResource, row.Id, null, AccountCodeView.Of(row, Now));
        });
        return (row, code);
    }

    /// <summary>Revokes an open code its caller issued (or any, for a platform operator); false when the caller may not.</summary>
    public async Task<AccountCode?> RevokeAsync(ClaimsPrincipal caller, string id)
    {
        var row = await store.AccountCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (row is null || (row.IssuedById != UserId(caller) && !caller.IsPlatformAdmin())) return null;
        await InTransaction(async tx =>
        {
            var before = AccountCodeView.Of(row, Now);
            var now = Now.ToUnixTimeMilliseconds();
            var changed = await store.AccountCodes.Where(c => c.Id == id && c.UsedAt == null && c.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now));
            if (changed != 1) throw Closed(row);
            row.RevokedAt = now;
            await Audit(tx, AuditTrail.Actor(caller), "account.code-revoke", CodeAuditResource, row.Id, before, AccountCodeView.Of(row, Now));
        });
        return row;
    }

    /// <summary>The codes the caller issued, newest first, a page at a time (keyset on creation time and id).</summary>
    public async Task<IReadOnlyList<AccountCodeView>> IssuedAsync(ClaimsPrincipal caller, string? beforeId, int limit)
    {
        var issuer = UserId(caller);
        var query = store.AccountCodes.AsNoTracking().Where(c => c.IssuedById == issuer);
        if (beforeId is not null && await store.AccountCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == beforeId && c.IssuedById == issuer) is { } after)
            query = query.Where(c => c.CreatedAt < after.CreatedAt || (c.CreatedAt == after.CreatedAt && c.Id.CompareTo(after.Id) < 0));
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(limit).ToListAsync();
        return rows.Select(c => AccountCodeView.Of(c, Now)).ToList();
    }

    /// <summary>Opens the invited account with its own password; the code is used up in the same transaction.</summary>
    public async Task<AgriLinkUser> ActivateAsync(ActivationRequest request)
    {
        new Validator().Text("code", request.Code, 40).Text("userName", request.UserName, 100).Text("password", request.Password, 200)
            .ThrowIfInvalid();
        return await InTransaction(async tx =>
        {
            var row = await Open(request.Code!, AccountCodePurpose.Invitation);
            var user = new AgriLinkUser
            {
                UserName = request.UserName!.Trim(), DisplayName = row.DisplayName,
                PhoneNumber = row.Phone, PhoneNumberConfirmed = row.Phone is not null,
            };
            await UseUp(row, user.Id);
            IdentityProblems.ThrowIfFailed(await users.CreateAsync(user, request.Password!));
            IdentityProblems.ThrowIfFailed(await users.AddToRoleAsync(user, row.Role!));
            List<Claim> claims = [new(AgriLinkClaims.DisplayName, row.DisplayName)];
            if (row.ClaimType is not null) claims.Add(new(row.ClaimType, row.ObjectId!));
            IdentityProblems.ThrowIfFailed(await users.AddClaimsAsync(user, claims));
            await Audit(tx, ActorOf(user), "account.activate", AuditResource, user.Id, null,
                new { user.UserName, row.Role, row.ObjectId, Invitation = row.Id, InvitedBy = row.IssuedByName });
            return user;
        });
    }

    /// <summary>
    /// A one-time reset code for an account the caller invited (any account, for a platform operator); the account's
    /// sessions end now. Null when the caller may not, or there is no such account: the same answer.
    /// </summary>
    public async Task<(AccountCode Row, string Code)?> IssueResetAsync(ClaimsPrincipal caller, string userName)
    {
        var target = await users.FindByNameAsync(userName);
        if (target is null || !await MayManage(caller, target)) return null;
        var row = NewCode(AccountCodePurpose.PasswordReset, caller, options.Value.ResetCodeLifetime, out var code);
        row.DisplayName = target.DisplayName;
        row.AccountId = target.Id;
        await InTransaction(async tx =>
        {
            store.AccountCodes.Add(row);
            await store.SaveChangesAsync();
            IdentityProblems.ThrowIfFailed(await users.UpdateSecurityStampAsync(target));
            await Audit(tx, AuditTrail.Actor(caller), "account.reset-code", AuditResource, target.Id, null, AccountCodeView.Of(row, Now));
        });
        stamps.Forget(target.Id);
        return (row, code);
    }

    /// <summary>Sends a reset code to the account's phone (or e-mail) through the provider seam; nothing tells whether the account exists.</summary>
    public async Task ForgotAsync(string? userName)
    {
        new Validator().Text("userName", userName, 100).ThrowIfInvalid();
        var user = await users.FindByNameAsync(userName!.Trim());
        if (user is null || (user.PhoneNumber is null && user.Email is null) || await users.IsLockedOutAsync(user)) return;
        var self = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName!)], "self"));
        var row = NewCode(AccountCodePurpose.PasswordReset, self, options.Value.ResetCodeLifetime, out var code);
        row.DisplayName = user.DisplayName;
        row.AccountId = user.Id;
        await InTransaction(async tx =>
        {
            store.AccountCodes.Add(row);
            await store.SaveChangesAsync();
            await Audit(tx, ActorOf(user), "account.forgot-password", AuditResource, user.Id, null, AccountCodeView.Of(row, Now));
        });
        var text = $"AgriLink 重置密码验证码 {code}，{options.Value.ResetCodeLifetime.TotalHours:0} 小时内有效。Password reset code {code}.";
        if (user.PhoneNumber is { } phone) await sms.SendAsync(phone, text);
        else await email.SendAsync(user.Email!, "AgriLink", text);
    }

    /// <summary>Sets a new password with a reset code, used up in the same transaction; every session of the account ends.</summary>
    public async Task<AgriLinkUser> ResetPasswordAsync(PasswordResetRequest request)
    {
        new Validator().Text("code", request.Code, 40).Text("newPassword", request.NewPassword, 200).ThrowIfInvalid();
        var reset = await InTransaction(async tx =>
        {
            var row = await Open(request.Code!, AccountCodePurpose.PasswordReset);
            var user = await users.FindByIdAsync(row.AccountId!) ?? throw Unknown();
            await UseUp(row, user.Id);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            IdentityProblems.ThrowIfFailed(await users.ResetPasswordAsync(user, token, request.NewPassword!), "newPassword");
            await Audit(tx, ActorOf(user), "account.password-reset", AuditResource, user.Id, null, new { Code = row.Id });
            return user;
        });
        return Forgotten(reset);
    }

    /// <summary>Changes the caller's own password (the current one required); every other session ends (a new security stamp).</summary>
    public async Task<AgriLinkUser> ChangePasswordAsync(ClaimsPrincipal caller, PasswordChangeRequest request)
    {
        new Validator().Text("currentPassword", request.CurrentPassword, 200).Text("newPassword", request.NewPassword, 200).ThrowIfInvalid();
        var user = await users.GetUserAsync(caller) ?? throw Unknown();
        await InTransaction(async tx =>
        {
            IdentityProblems.ThrowIfFailed(await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!), "newPassword");
            await Audit(tx, ActorOf(user), "account.password-change", AuditResource, user.Id, null, null);
        });
        return Forgotten(user);
    }

    /// <summary>Ends every session of the caller's account, this one included (a new security stamp).</summary>
    public async Task SignOutEverywhereAsync(ClaimsPrincipal caller)
    {
        var user = await users.GetUserAsync(caller) ?? throw Unknown();
        await InTransaction(async tx =>
        {
            IdentityProblems.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
            await Audit(tx, ActorOf(user), "account.sign-out-everywhere", AuditResource, user.Id, null, null);
        });
        Forgotten(user);
    }

    /// <summary>The account as its manager sees it; null when the caller may not manage it (or it does not exist).</summary>
    public async Task<ManagedAccount?> FindManagedAsync(ClaimsPrincipal caller, string userName) =>
        await users.FindByNameAsync(userName) is { } target && await MayManage(caller, target) ? await ViewAsync(target) : null;

    /// <summary>
    /// Disables (or enables again) an account the caller manages: a disabled one cannot sign in, and its sessions and
    /// refresh tokens end. Null when the caller may not.
    /// </summary>
    public async Task<ManagedAccount?> SetDisabledAsync(ClaimsPrincipal caller, string userName, bool disabled)
    {
        if (await users.FindByNameAsync(userName) is not { } target || !await MayManage(caller, target)) return null;
        if (UserId(caller) == target.Id) throw new RuleViolationException("account.own-account", "An account cannot disable itself.");
        var before = await ViewAsync(target);
        await InTransaction(async tx =>
        {
            IdentityProblems.ThrowIfFailed(await users.SetLockoutEnabledAsync(target, true));
            IdentityProblems.ThrowIfFailed(await users.SetLockoutEndDateAsync(target, disabled ? DateTimeOffset.MaxValue : null));
            IdentityProblems.ThrowIfFailed(await users.UpdateSecurityStampAsync(target));
            await Audit(tx, AuditTrail.Actor(caller), disabled ? "account.disable" : "account.enable", AuditResource, target.Id, before, await ViewAsync(target));
        });
        Forgotten(target);
        return await ViewAsync(target);
    }

    /// <summary>
    /// Takes a role away, or one object of it (the last object takes the role with it); the account's sessions end so the
    /// change holds at once. Null when the caller may not manage the account.
    /// </summary>
    public async Task<ManagedAccount?> RemoveAccessAsync(ClaimsPrincipal caller, string userName, AccessRemoval removal)
    {
        new Validator().Text("role", removal.Role, 40).Text("objectId", removal.ObjectId, RouteIds.MaxLength, required: false).ThrowIfInvalid();
        if (await users.FindByNameAsync(userName) is not { } target || !await MayManage(caller, target)) return null;
        var role = removal.Role!.Trim();
        if (!await users.IsInRoleAsync(target, role))
            throw ValidationFailedException.For("role", $"The account does not have the role '{role}'.");
        var before = await ViewAsync(target);
        var claims = (await users.GetClaimsAsync(target)).Where(c => c.Type == InvitationRules.ClaimFor(role)).ToList();
        var removed = removal.ObjectId is { } objectId ? claims.Where(c => c.Value == objectId.Trim()).ToList() : claims;
        if (removal.ObjectId is not null && removed.Count == 0)
            throw ValidationFailedException.For("objectId", $"The account does not act for '{removal.ObjectId}'.");
        await InTransaction(async tx =>
        {
            if (removed.Count > 0) IdentityProblems.ThrowIfFailed(await users.RemoveClaimsAsync(target, removed));
            if (removed.Count == claims.Count) IdentityProblems.ThrowIfFailed(await users.RemoveFromRoleAsync(target, role));
            IdentityProblems.ThrowIfFailed(await users.UpdateSecurityStampAsync(target));
            await Audit(tx, AuditTrail.Actor(caller), "account.remove-access", AuditResource, target.Id, before, await ViewAsync(target));
        });
        Forgotten(target);
        return await ViewAsync(target);
    }

    private async Task<ManagedAccount> ViewAsync(AgriLinkUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        var objects = claims.Where(c => c.Type != AgriLinkClaims.DisplayName && c.Type != AgriLinkClaims.Demo)
            .Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        return new ManagedAccount(user.UserName!, user.DisplayName, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), objects,
            await users.IsLockedOutAsync(user), await users.GetTwoFactorEnabledAsync(user));
    }

    /// <summary>An audited change to an account outside this class's own (two-factor enrolment), in one transaction with its entry.</summary>
    public async Task AuditedAsync(AgriLinkUser user, string action, Func<Task> change, object? after = null)
    {
        await InTransaction(async tx =>
        {
            await change();
            await Audit(tx, ActorOf(user), action, AuditResource, user.Id, null, after);
        });
        Forgotten(user);
    }

    /// <summary>This node stops trusting the account's old sessions now (others within <see cref="SessionCheck.CheckedEvery"/>).</summary>
    private AgriLinkUser Forgotten(AgriLinkUser user)
    {
        stamps.Forget(user.Id);
        return user;
    }

    /// <summary>A platform operator manages every account but another operator's; anyone (operators too) those they invited.</summary>
    public async Task<bool> MayManage(ClaimsPrincipal caller, AgriLinkUser target)
    {
        if (caller.IsPlatformAdmin() && !await users.IsInRoleAsync(target, Roles.PlatformAdmin)) return true;
        var callerId = UserId(caller);
        return await store.AccountCodes.AsNoTracking().AnyAsync(c =>
            c.Purpose == AccountCodePurpose.Invitation && c.AccountId == target.Id && c.IssuedById == callerId);
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string ActorOf(AgriLinkUser user) => $"{user.UserName} ({user.Id})";

    private AccountCode NewCode(AccountCodePurpose purpose, ClaimsPrincipal issuer, TimeSpan lifetime, out string code)
    {
        code = AccountCodes.New();
        var now = Now;
        return new AccountCode
        {
            Id = AccountCodes.NewId(), Purpose = purpose, CodeHash = AccountCodes.Hash(code),
            IssuedById = UserId(issuer), IssuedByName = issuer.Identity?.Name ?? "system",
            CreatedAt = now.ToUnixTimeMilliseconds(), ExpiresAt = (now + lifetime).ToUnixTimeMilliseconds(),
        };
    }

    private static (string Role, string? ObjectId) Validate(InvitationRequest request)
    {
        var v = new Validator().Text("role", request.Role, 40).Text("displayName", request.DisplayName, 100)
            .Text("phone", request.Phone, 20, required: false);
        var role = request.Role?.Trim() ?? "";
        var objectId = string.IsNullOrWhiteSpace(request.ObjectId) ? null : request.ObjectId.Trim();
        if (request.Role is not null && !Roles.All.Contains(role, StringComparer.Ordinal))
            v.Add("role", "is not a role an account can be invited to.");
        else if (InvitationRules.ClaimFor(role) is { } claim)
        {
            v.Text("objectId", objectId, RouteIds.MaxLength);
            if (claim == AgriLinkClaims.County && objectId is not null && !CountyCode().IsMatch(objectId))
                v.Add("objectId", "must be a county's six-digit code.");
            if (role == Roles.TownshipOfficer && objectId is not null && !AreaCode.IsTownship(objectId))
                v.Add("objectId", "must be a township's nine-digit statistical division code.");
            if (role == Roles.VillageCadre && objectId is not null && !AreaCode.IsVillage(objectId))
                v.Add("objectId", "must be a village's twelve-digit statistical division code.");
            if (role == Roles.RegionOfficer && objectId is not null && !AreaCode.IsRegion(objectId))
                v.Add("objectId", "must be a province's two-digit or a prefecture's four-digit division code.");
        }
        if (request.Phone is { Length: > 0 } phone && !string.IsNullOrWhiteSpace(phone) && !MobileNumber().IsMatch(phone.Trim()))
            v.Add("phone", "must be a mainland mobile number.");
        v.ThrowIfInvalid();
        return (role, InvitationRules.ClaimFor(role) is null ? null : objectId);
    }

    /// <summary>The open code of <paramref name="purpose"/>; a refusal that says why when it is not open.</summary>
    private async Task<AccountCode> Open(string code, AccountCodePurpose purpose)
    {
        var hash = AccountCodes.Hash(code);
        var row = await store.AccountCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash && c.Purpose == purpose);
        if (row is null) throw Unknown();
        if (AccountCodeView.StatusOf(row, Now) != "Open") throw Closed(row);
        return row;
    }

    /// <summary>Marks the code used, only if still open: of two uses at once, one wins, the other is refused.</summary>
    private async Task UseUp(AccountCode row, string accountId)
    {
        var now = Now.ToUnixTimeMilliseconds();
        var changed = await store.AccountCodes
            .Where(c => c.Id == row.Id && c.UsedAt == null && c.RevokedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now).SetProperty(c => c.AccountId, accountId));
        if (changed != 1) throw Closed(row, used: true);
    }

    private static RuleViolationException Unknown() =>
        new("account.code-unknown", "No open code matches: check the code on the slip, or ask for a new one.", unprocessable: true);

    private RuleViolationException Closed(AccountCode row, bool used = false) =>
        (used ? "Used" : AccountCodeView.StatusOf(row, Now)) switch
        {
            "Expired" => new RuleViolationException("account.code-expired", "The code has expired; ask whoever gave it for a new one."),
            "Revoked" => new RuleViolationException("account.code-revoked", "The code was revoked; ask whoever gave it for a new one."),
            _ => new RuleViolationException("account.code-used", "The code was already used; each code opens or resets once."),
        };

    private async Task InTransaction(Func<System.Data.Common.DbTransaction, Task> work) =>
        await InTransaction(async tx => { await work(tx); return true; });

    /// <summary>
    /// One transaction on Identity's connection, holding this process's write turn on SQLite (as every writer does), so
    /// the account, its codes and the audit entry commit together.
    /// </summary>
    private async Task<T> InTransaction<T>(Func<System.Data.Common.DbTransaction, Task<T>> work)
    {
        await using var turn = await database.EnterWriteAsync();
        await using var transaction = await store.Database.BeginTransactionAsync();
        var result = await work(transaction.GetDbTransaction());
        await transaction.CommitAsync();
        return result;
    }

    private Task Audit(System.Data.Common.DbTransaction tx, string actor, string action, string resourceType, string resourceId, object? before, object? after) =>
        SqlAuditLog.AppendWithinAsync(database, store.Database.GetDbConnection(), tx, Now,
            new AuditRecord(actor, action, resourceType, resourceId, Json(before), Json(after)));

    private static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web);

    [System.Text.RegularExpressions.GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial System.Text.RegularExpressions.Regex CountyCode();

    [System.Text.RegularExpressions.GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial System.Text.RegularExpressions.Regex MobileNumber();
}
