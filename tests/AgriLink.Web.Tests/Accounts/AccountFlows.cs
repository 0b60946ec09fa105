using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgriLink.Web.Accounts;
using AgriLink.Web.Auth;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>The steps every account test takes: invite, activate, sign in; and the database's view of a code.</summary>
public static class AccountFlows
{
    public const string NewPassword = "刺梨花开在舍烹村2026";

    private static int _sequence;

    /// <summary>A user name no other test takes.</summary>
    public static string UniqueName(string prefix) => $"{prefix}.{Environment.TickCount64 % 100000}{Interlocked.Increment(ref _sequence)}";

    public static JsonObject Invitation(string role, string? objectId, string name = "测试账户", string? phone = null) => new()
    {
        ["role"] = role, ["objectId"] = objectId, ["displayName"] = name, ["phone"] = phone,
    };

    /// <summary>Invites and returns the answer (the code, link and record), asserting 201.</summary>
    public static async Task<JsonObject> Invite(this HttpClient inviter, string role, string? objectId, string? phone = null)
    {
        using var response = await inviter.SendJson(HttpMethod.Post, "/api/account/invitations", Invitation(role, objectId, phone: phone));
        return await response.AssertOk(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> Activate(this HttpClient anonymous, string code, string userName, string password = NewPassword) =>
        anonymous.SendJson(HttpMethod.Post, "/api/account/activate",
            new JsonObject { ["code"] = code, ["userName"] = userName, ["password"] = password });

    /// <summary>Invite → activate → sign in: a client with the new account's bearer token.</summary>
    public static async Task<(HttpClient Client, string UserName)> InvitedAccount(
        this SeededApp app, HttpClient inviter, string role, string? objectId, string? userName = null)
    {
        var issued = await inviter.Invite(role, objectId);
        userName ??= UniqueName(role.ToLowerInvariant());
        using (var activated = await app.Anonymous().Activate((string)issued["code"]!, userName)) await activated.AssertOk();
        var token = await app.Anonymous().LoginAsync(userName, NewPassword);
        return (app.Anonymous().WithBearer(token), userName);
    }

    /// <summary>Changes a code's row directly, standing in for time passing (an expiry) in a shared app.</summary>
    public static async Task Expire(this AgriLinkFactory factory, string codeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        await store.AccountCodes.Where(c => c.Id == codeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, past), Api.Ct);
    }

    public static async Task<AccountCode> Code(this AgriLinkFactory factory, string codeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityStore>().AccountCodes.AsNoTracking().SingleAsync(c => c.Id == codeId, Api.Ct);
    }

    public static async Task<bool> AccountExists(this AgriLinkFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var normalized = userName.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<IdentityStore>().Users.AnyAsync(u => u.NormalizedUserName == normalized, Api.Ct);
    }

    public static async Task<HttpStatusCode> StatusOf(this HttpClient client, string path)
    {
        using var response = await client.Get(path);
        return response.StatusCode;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Api.Ct);

    /// <summary>The account reaches its own object and is refused its neighbours'.</summary>
    public static async Task AssertReachesOnly(this HttpClient client, string own, params string[] neighbours)
    {
        Assert.Equal(HttpStatusCode.OK, await client.StatusOf(own));
        foreach (var path in neighbours) Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(path));
    }
}
