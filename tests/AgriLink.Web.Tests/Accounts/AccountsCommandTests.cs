using System.Net;
using System.Text.RegularExpressions;
using AgriLink.Web.Accounts;
using AgriLink.Web.Seeding;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Accounts;

/// <summary>
/// Issue 23, "nobody depends on the demo password": an installation that started from the demo invites its first real
/// operator from the command line and removes the demo's accounts, which the demo seeding then never makes again.
/// </summary>
public sealed partial class AccountsCommandTests
{
    [Fact]
    public async Task AnInstallationInvitesItsFirstOperatorAndRemovesTheDemoAccounts()
    {
        using var folder = new TempFolder();
        var seeded = new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "true" };
        await using (var demo = new AgriLinkFactory(folder.Path, seeded))
            await demo.CreateClient().LoginAsync("operator", DemoData.Password);

        var output = new StringWriter();
        Assert.Equal(0, await AccountsCommand.RunAsync([AccountsCommand.InviteOperator, "--name", "王主任", "--data", folder.Path], output));
        Assert.Equal(0, await AccountsCommand.RunAsync([AccountsCommand.RemoveDemoAccounts, "--data", folder.Path], output));
        var code = Code().Match(output.ToString()).Value;
        Assert.NotEmpty(code);

        await using var real = new AgriLinkFactory(folder.Path, seeded);
        using (var demoLogin = await real.CreateClient().PostLogin("operator", DemoData.Password))
            Assert.Equal(HttpStatusCode.Unauthorized, demoLogin.StatusCode);
        using (var farmerLogin = await real.CreateClient().PostLogin("farmer.pz01", DemoData.Password))
            Assert.Equal(HttpStatusCode.Unauthorized, farmerLogin.StatusCode);
        using (var activated = await real.CreateClient().Activate(code, "wang.zhuren")) await activated.AssertOk();
        var operatorClient = real.CreateClient().WithBearer(await real.CreateClient().LoginAsync("wang.zhuren", AccountFlows.NewPassword));
        Assert.Equal(["PlatformAdmin"], (await operatorClient.GetObject("/api/auth/me"))["roles"]!.AsArray().Select(r => (string?)r));
        // A real operator acts with a second factor.
        Assert.Equal(HttpStatusCode.Forbidden, await operatorClient.StatusOf("/api/audit"));
    }

    [GeneratedRegex("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}")]
    private static partial Regex Code();
}
