using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static AgriLink.Domain.Tests.Dividends.DividendSamples;

namespace AgriLink.Domain.Tests.Dividends;

/// <summary>Charters, year-end inputs, distributions and declarations are stored by grains and cross grain calls.</summary>
public class DividendSerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly Charter SampleCharter = Charter(
        new FloorRule(ShareClass.LandRight, FloorKind.PerMu, 400_00),
        new FloorRule(ShareClass.LandRight, FloorKind.CoordinationFeePerMu, 20_00),
        new FloorRule(ShareClass.FiscalFund, FloorKind.PercentOfPrincipal, 0, [600, 800, 1_000])) with { ShortfallPolicy = ShortfallPolicy.CarryAsLiability };

    private static readonly YearEndInputs SampleInputs =
        Inputs(5_000_00, [Land("l1", "hh-a", 6_000), Funded("f1", "hh-b", ShareClass.FiscalFund, 20_000_00, 2, preferred: true)], new MemberTrade("hh-c", 1_000_00));

    private static readonly Distribution Shortfall = SurplusDistributor.Distribute(SampleCharter, SampleInputs);

    private static readonly Distribution Plenty = SurplusDistributor.Distribute(SampleCharter, SampleInputs with { SurplusFen = 1_000_000_00 });

    public static TheoryData<object> Values()
    {
        var objected = DeclarationWorkflow.FileObjection(
            DeclarationWorkflow.Publicise(DeclarationWorkflow.Approve(DeclarationWorkflow.Draft("dd-1", 2023, "a", new(2024, 1, 1)), "b", new(2024, 1, 1)),
                new(2024, 1, 2), new(2024, 1, 9), 7),
            "o-1", "hh-a", true, "不同意", new(2024, 1, 3));
        return [SampleCharter, SampleInputs, Shortfall, Plenty, objected];
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void ValueSurvivesOrleansSerialization(object value) =>
        Assert.Equivalent(value, Serializer.Deserialize<object>(Serializer.SerializeToArray(value)), strict: true);

    [Fact]
    public void SerializedDistributionsCoverEveryComponentKind() =>
        Assert.Equal(Enum.GetValues<DividendComponentKind>(),
            new[] { Shortfall, Plenty }.SelectMany(d => d.Lines).SelectMany(l => l.Components).Select(c => c.Kind).Distinct().Order());
}
