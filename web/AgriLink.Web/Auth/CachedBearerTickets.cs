using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Auth;

/// <summary>
/// The bearer scheme's token format, remembering for <see cref="Kept"/> what each valid token decrypts to: an API client
/// sends the same token with every request, and decrypting it (key derivation, AES, HMAC, then deserializing the
/// ticket) was a profiled 5–10% of a flash sale's CPU. Each request gets its own copy of the ticket; the handler still
/// checks its expiry on every request and <see cref="Accounts.SessionCheck"/> still checks the account's security stamp.
/// Tokens that do not decrypt are not remembered. Issuing tokens is unchanged.
/// </summary>
public sealed class CachedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var key = (typeof(CachedBearerTickets), protectedText);
        if (!cache.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText);
            if (ticket is null) return null;
            cache.Set(key, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Kept, Size = 1 });
        }

        return new AuthenticationTicket(ticket!.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    /// <summary>Wraps the bearer scheme's access-token format (after Identity's own configuration made it).</summary>
    public static IServiceCollection Use(IServiceCollection services) =>
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, Wrap>();

    private sealed class Wrap(IMemoryCache cache) : IPostConfigureOptions<BearerTokenOptions>
    {
        public void PostConfigure(string? name, BearerTokenOptions options)
        {
            if (name == IdentityConstants.BearerScheme && options.BearerTokenProtector is { } format and not CachedBearerTickets)
                options.BearerTokenProtector = new CachedBearerTickets(format, cache);
        }
    }
}
