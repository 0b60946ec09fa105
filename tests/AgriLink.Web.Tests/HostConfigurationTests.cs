using AgriLink.Hosting;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit;

namespace AgriLink.Web.Tests;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task SettingsGivenToTheFactoryReachTheDataFolderAndSiloPorts()
    {
        using var folder = new TempFolder();
        await using var factory = new AgriLinkFactory(folder.Path, new Dictionary<string, string?> { ["AgriLink:SeedDemo"] = "false" });

        var data = factory.Services.GetRequiredService<DataFolder>();
        var endpoints = factory.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(folder.Path, data.Path);
        Assert.True(File.Exists(data.DatabaseFile));
        Assert.Equal(factory.SiloPort, endpoints.SiloPort);
        Assert.Equal(factory.GatewayPort, endpoints.GatewayPort);
    }
}
