using System.Security.Claims;
using AgriLink.Web.Auth;
using AgriLink.Web.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Accounts a test makes for itself (the demo password, a role, the claims that tie it to its objects).</summary>
public static class TestAccounts
{
    public static async Task CreateAsync(SeededApp app, string userName, string displayName, string role, params Claim[] claims)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgriLinkUser>>();
        var user = new AgriLinkUser { UserName = userName, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        Assert.True((await users.AddClaimsAsync(user, [.. claims, new Claim(AgriLinkClaims.DisplayName, displayName)])).Succeeded);
    }

    /// <summary>A client signed in with a bearer token as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignInAsync(SeededApp app, string userName)
    {
        var client = app.Anonymous();
        client.WithBearer(await client.LoginAsync(userName, DemoData.Password));
        return client;
    }
}
