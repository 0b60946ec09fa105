using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Auth;

/// <summary>
/// Password sign-in that neither locks an account out for everyone nor tells who has one.
/// <list type="bullet">
/// <item>Lockout is per (account, client address) and progressive: after <see cref="FreeFailures"/> failures from one
/// address that address waits 1 minute before the account takes another attempt from it, then 2, 4, 8, at most 15; a
/// success from the address forgets its failures. Another address is not affected, so a stranger cannot lock the county
/// officer out of their own office; the per-address rate limit still caps how fast any one address tries.</item>
/// <item>An unknown user, a wrong password and a locked-out attempt get the same answer, after the same work: the password
/// is checked against a hash either way (a stand-in hash when there is no account, or while the address waits).</item>
/// </list>
/// The counts live in this process's memory (a web node's own; they end with it), bounded by <see cref="MaxEntries"/>.
/// </summary>
public sealed class SignInGuard(
    UserManager<AgriLinkUser> users, SignInManager<AgriLinkUser> signIn, SignInFailures failures, Accounts.SignInHistory history)
{
    public const int FreeFailures = 5;
    public const int MaxEntries = 100_000;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Signs in with the scheme set on <see cref="SignInManager{TUser}"/>. An account with two-factor sign-in needs
    /// <paramref name="twoFactorCode"/> (from its authenticator app) or a <paramref name="recoveryCode"/> as well: without
    /// either the answer is <see cref="SignInResult.TwoFactorRequired"/> (the password was right), and no session is made.
    /// </summary>
    public async Task<SignInResult> PasswordSignInAsync(string userName, string password, IPAddress? address, bool isPersistent,
        string? twoFactorCode = null, string? recoveryCode = null)
    {
        var key = failures.Key(users.NormalizeName(userName), address);
        var user = await users.FindByNameAsync(userName);
        if (failures.IsWaiting(key)) user = null; // the same work as an attempt that is looked at
        if (user is null)
        {
            failures.StandIn(users.PasswordHasher, password);
            failures.Failed(key);
            return SignInResult.Failed;
        }
        // Identity's own account-wide lockout is not used (an operator may still lock an account by hand: refused the same way).
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        var method = "password";
        if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(twoFactorCode))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(twoFactorCode.Replace(" ", "", StringComparison.Ordinal), isPersistent, rememberClient: false);
            method = "password+authenticator";
        }
        else if (result.RequiresTwoFactor && !string.IsNullOrWhiteSpace(recoveryCode))
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode.Replace(" ", "", StringComparison.Ordinal));
            method = "password+recovery-code";
        }
        if (result.Succeeded)
        {
            failures.Succeeded(key);
            await history.RecordAsync(user, address, method);
            return result;
        }
        // The password was right; the second factor is asked for, not counted as a failure.
        if (result.RequiresTwoFactor && twoFactorCode is null && recoveryCode is null) return result;
        failures.Failed(key);
        return SignInResult.Failed;
    }
}

/// <summary>The failures per (account, address) behind <see cref="SignInGuard"/>: one per process.</summary>
public sealed class SignInFailures(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lazy<string> _standInHash = new(() => new PasswordHasher<AgriLinkUser>().HashPassword(new AgriLinkUser(), Guid.NewGuid().ToString("N")));

    private sealed record Entry(int Failures, DateTimeOffset WaitUntil, DateTimeOffset LastFailure);

    public string Key(string? normalizedUserName, IPAddress? address) =>
        $"{normalizedUserName ?? ""}\n{address?.ToString() ?? "local"}";

    public bool IsWaiting(string key) => _entries.TryGetValue(key, out var e) && clock.GetUtcNow() < e.WaitUntil;

    /// <summary>How long the address still waits before the account takes its next attempt (zero: none).</summary>
    public TimeSpan Wait(string key) =>
        _entries.TryGetValue(key, out var e) && e.WaitUntil > clock.GetUtcNow() ? e.WaitUntil - clock.GetUtcNow() : TimeSpan.Zero;

    public void Failed(string key)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= SignInGuard.MaxEntries) Prune(now);
        _entries.AddOrUpdate(key, _ => new Entry(1, now, now), (_, e) =>
        {
            if (now < e.WaitUntil) return e; // an attempt while waiting neither counts nor lengthens the wait
            // Failures a day old are forgotten.
            var count = now - e.LastFailure > TimeSpan.FromDays(1) ? 1 : e.Failures + 1;
            return new Entry(count, now + WaitAfter(count), now);
        });
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    /// <summary>Checks the password against a stand-in hash: the same work as checking it against an account's.</summary>
    public void StandIn(IPasswordHasher<AgriLinkUser> hasher, string password) =>
        hasher.VerifyHashedPassword(new AgriLinkUser(), _standInHash.Value, password);

    /// <summary>No wait for the first <see cref="SignInGuard.FreeFailures"/> failures, then 1, 2, 4, 8, 15, 15 … minutes.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < SignInGuard.FreeFailures) return TimeSpan.Zero;
        var doubling = Math.Min(failures - SignInGuard.FreeFailures, 4);
        var wait = SignInGuard.FirstWait * (1 << doubling);
        return wait < SignInGuard.LongestWait ? wait : SignInGuard.LongestWait;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (e.WaitUntil <= now && now - e.LastFailure > SignInGuard.LongestWait) _entries.TryRemove(key, out _);
    }
}
