using AgriLink.Domain.Matching;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Matching;

public class SplitPlannerTests
{
    private static readonly Gen<SplitOption> Option =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2].Select(i => new[] { 1L, 500L, 1000L }[i]), Gen.Long[0, 200], Gen.Long[1, 60], Gen.Int[0, 100])
            .Select((supplier, step, available, min, score) =>
                new SplitOption($"lst-{Guid.NewGuid():N}", $"coop-{(char)('a' + supplier)}", available * step, min * step, step, score));

    private static readonly Gen<(long Required, SplitOption[] Options)> Small =
        Gen.Select(Gen.Long[1, 150_000], Option.Array[0, 7]);

    [Fact]
    public void AProposalNeverExceedsStockAndRespectsMinimumsAndSteps() =>
        Small.Sample((required, options) =>
        {
            var plan = SplitPlanner.Propose(required, options);
            foreach (var a in plan.Allocations)
            {
                var o = options.Single(x => x.ListingId == a.ListingId);
                Assert.InRange(a.Quantity, o.MinOrder, o.Available);
                Assert.Equal(0, a.Quantity % o.Step);
            }
            Assert.Equal(plan.Allocations.Count, plan.Allocations.Select(a => a.ListingId).Distinct().Count());
        });

    [Fact]
    public void ACoverableQuantityIsCoveredWithNoMoreSuppliersThanTheBruteForceOptimum() =>
        Small.Sample((required, options) =>
        {
            var plan = SplitPlanner.Propose(required, options);
            var optimum = BruteForceFewestSuppliers(required, options);
            if (optimum is null)
            {
                Assert.False(plan.Covers);
                Assert.True(plan.Shortfall > 0);
                Assert.Equal(required - plan.Covered, plan.Shortfall);
                return;
            }
            Assert.True(plan.Covers, $"coverable with {optimum} suppliers but the plan falls {plan.Shortfall} short");
            Assert.InRange(plan.Covered, required, required + options.Max(o => o.Step) - 1);
            Assert.True(plan.Suppliers <= optimum, $"{plan.Suppliers} suppliers where {optimum} suffice");
        });

    [Fact]
    public void LargeInputsStillNeverOversellAndReportTheShortfallHonestly() =>
        Gen.Select(Gen.Long[1, 2_000_000], Option.Array[17, 40]).Sample((required, options) =>
        {
            var plan = SplitPlanner.Propose(required, options);
            foreach (var a in plan.Allocations)
            {
                var o = options.Single(x => x.ListingId == a.ListingId);
                Assert.InRange(a.Quantity, o.MinOrder, o.Available);
            }
            Assert.Equal(plan.Allocations.Sum(a => a.Quantity), plan.Covered);
            Assert.Equal(Math.Max(0, required - plan.Covered), plan.Shortfall);
        }, iter: 200);

    [Fact]
    public void TwentyTonnesOfRiceComeFromTheFewestCooperativesPreferringHigherScores()
    {
        // kg in base units: 1 kg = 1,000,000 mg; one thousandth of a kg = 1,000 mg is the step.
        const long Kg = 1_000_000;
        SplitOption O(string id, string coop, long kg, long minKg, decimal score) => new(id, coop, kg * Kg, minKg * Kg, 1000, score);
        var options = new[]
        {
            O("a1", "coop-a", 8_000, 100, 90), O("a2", "coop-a", 4_000, 100, 60),
            O("b1", "coop-b", 12_000, 500, 70),
            O("c1", "coop-c", 12_000, 500, 85),
            O("d1", "coop-d", 19_000, 100, 40),
        };

        var plan = SplitPlanner.Propose(20_000 * Kg, options);

        Assert.True(plan.Covers);
        Assert.Equal(2, plan.Suppliers);
        Assert.Equal(20_000 * Kg, plan.Covered);
        // Of the two-cooperative sets, a1 + c1 (mean 87.5) beats the rest.
        Assert.Equal(["a1", "c1"], plan.Allocations.Select(a => a.ListingId).Order());
        Assert.Equal(8_000 * Kg, plan.Allocations.Single(a => a.ListingId == "a1").Quantity);
    }

    [Fact]
    public void WhatCannotBeCoveredIsNamedWithItsShortfall()
    {
        var plan = SplitPlanner.Propose(1_000, [new("x", "coop-x", 300, 10, 1, 50), new("y", "coop-y", 200, 10, 1, 60)]);

        Assert.False(plan.Covers);
        Assert.Equal((500L, 500L), (plan.Covered, plan.Shortfall));
        Assert.Equal(2, plan.Suppliers);
    }

    [Fact]
    public void AMinimumOrderAboveTheQuantityRulesAListingOut()
    {
        var plan = SplitPlanner.Propose(50, [new("big", "coop-a", 1_000, 100, 1, 99), new("small", "coop-b", 60, 10, 1, 10)]);
        Assert.Equal(["small"], plan.Allocations.Select(a => a.ListingId));
        Assert.Equal(50, plan.Covered);
    }

    /// <summary>The fewest suppliers of any listing set whose minimums fit and whose stock suffices; null when none does.</summary>
    private static int? BruteForceFewestSuppliers(long required, SplitOption[] options)
    {
        int? best = null;
        for (var mask = 1; mask < 1 << options.Length; mask++)
        {
            var set = options.Where((_, i) => (mask & (1 << i)) != 0).Where(o => o.Available >= o.MinOrder).ToList();
            if (set.Count != BitCount(mask)) continue;
            if (set.Sum(o => o.MinOrder) > required || set.Sum(o => o.Available) < required) continue;
            var suppliers = set.Select(o => o.SupplierId).Distinct().Count();
            if (best is null || suppliers < best) best = suppliers;
        }
        return best;
    }

    private static int BitCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);
}
