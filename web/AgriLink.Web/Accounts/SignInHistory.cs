using System.Net;
using System.Security.Cryptography;
using AgriLink.Storage;
using AgriLink.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Each account's successful sign-ins, for its own "recent sign-ins" page: when, from which address, by which method.
/// Rows older than <see cref="Kept"/> are dropped as new ones are written, so the table grows with the active accounts, not with time.
/// </summary>
public sealed class SignInHistory(IdentityStore store, AgriLinkDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(90);
    public const int MaxListed = 50;

    public async Task RecordAsync(AgriLinkUser user, IPAddress? address, string method)
    {
        var now = clock.GetUtcNow();
        await using var turn = await database.EnterWriteAsync();
        store.AccountSignIns.Add(new AccountSignIn
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(),
            UserId = user.Id, At = now.ToUnixTimeMilliseconds(), Address = address?.ToString(), Method = method,
        });
        await store.SaveChangesAsync();
        var old = (now - Kept).ToUnixTimeMilliseconds();
        await store.AccountSignIns.Where(s => s.UserId == user.Id && s.At < old).ExecuteDeleteAsync();
    }

    /// <summary>The account's latest sign-ins, newest first.</summary>
    public async Task<IReadOnlyList<SignInView>> RecentAsync(string userId, int limit = MaxListed) =>
        (await store.AccountSignIns.AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(Math.Clamp(limit, 1, MaxListed)).ToListAsync())
        .Select(s => new SignInView(DateTimeOffset.FromUnixTimeMilliseconds(s.At), s.Address, s.Method)).ToList();
}

public sealed record SignInView(DateTimeOffset At, string? Address, string Method);
