using AgriLink.Domain.Quotas;
using AgriLink.Grains.Quotas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AgriLink.Grains.Tests.Quotas;

/// <summary>A cluster whose configuration raises Guangdong to 35% and sets a Guizhou floor of 15%.</summary>
public sealed class ConfiguredRatesFixture : ClusterFixture
{
    public static IConfiguration Configuration(params (string Key, string Value)[] entries) =>
        new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))).Build();

    protected override void ConfigureSiloServices(IServiceCollection services) =>
        services.AddQuotaOptions(Configuration(("Quotas:ReserveRates:44", "3500"), ("Quotas:ReserveRates:52", "1500")));
}

public sealed class ConfiguredRatesTests(ConfiguredRatesFixture fixture) : IClassFixture<ConfiguredRatesFixture>
{
    [Fact]
    public async Task TheGrainAppliesConfiguredFloors()
    {
        var guangzhou = await QuotaSamples.RegisterAsync(fixture.Client);
        var guiyang = await QuotaSamples.RegisterAsync(fixture.Client, regionCode: "520102");
        var shenzhen = await QuotaSamples.RegisterAsync(fixture.Client, regionCode: "440305");

        await GrainAssert.RefusedAsync(() => guangzhou.Quota(fixture.Client).Declare(new QuotaDeclaration(1_000_000, 3000)), "quota.rate-below-floor");
        var gz = await guangzhou.Quota(fixture.Client).Declare(new QuotaDeclaration(1_000_000));
        var gy = await guiyang.Quota(fixture.Client).Declare(new QuotaDeclaration(1_000_000));
        var sz = await shenzhen.Quota(fixture.Client).Declare(new QuotaDeclaration(1_000_000));

        Assert.Equal((3500, 350_000), (gz.ReserveRateBasisPoints, gz.QuotaFen));
        Assert.Equal(new ReserveRateFloor("52", 1500), gy.Floor);
        Assert.Equal(new ReserveRateFloor("4403", 2000), sz.Floor);
    }

    [Fact]
    public void AFloorBelowTheNationalOneStopsTheHost()
    {
        using var services = new ServiceCollection()
            .AddQuotaOptions(ConfiguredRatesFixture.Configuration(("Quotas:ReserveRates:52", "800")))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QuotaOptions>>().Value);
        Assert.Contains("national floor", error.Message);
    }
}
