using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Quotas;

/// <summary>The arithmetic of a budget unit's reserve: budget × rate, what is left, and shares in basis points.</summary>
public static class Quota
{
    /// <summary>¥10 billion: a canteen food budget above this is a typo.</summary>
    public const long MaxBudgetFen = 1_000_000_000_000;

    /// <summary>
    /// Budget × rate, rounded UP to the fen: the reserve is a minimum (不低于), so a unit that meets its quota
    /// has met the rate; rounding down could leave it a fraction of a fen short of the law.
    /// </summary>
    public static long QuotaFen(long budgetFen, int basisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetFen);
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        var (quotient, remainder) = Int128.DivRem((Int128)budgetFen * basisPoints, ReserveRates.MaxBasisPoints);
        return checked((long)(remainder > 0 ? quotient + 1 : quotient));
    }

    public static long RemainingFen(long quotaFen, long countedFen) => Math.Max(0, quotaFen - countedFen);

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in basis points, rounded down (so 100% means really reached); 0 when the whole is 0.</summary>
    public static int BasisPointsOf(long part, long whole)
    {
        if (whole <= 0 || part <= 0) return 0;
        var bp = (Int128)part * ReserveRates.MaxBasisPoints / whole;
        return bp > int.MaxValue ? int.MaxValue : (int)bp;
    }

    /// <summary>
    /// Checks a declaration's fields and returns the rate to apply: the declared one, or the region's floor when none is declared.
    /// </summary>
    /// <exception cref="ValidationFailedException">A field is malformed.</exception>
    /// <exception cref="RuleViolationException">The declared rate is below the region's floor (422).</exception>
    public static int CheckDeclaration(
        long budgetFen, int? basisPoints, CanteenOperation canteen, string? catererName, ReserveRateFloor floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        new Validator()
            .Range("canteenFoodBudgetFen", budgetFen, 1, MaxBudgetFen)
            .Check(basisPoints is null or (> 0 and <= ReserveRates.MaxBasisPoints), "reserveRateBasisPoints",
                $"must be between 1 and {ReserveRates.MaxBasisPoints} (100%).")
            .Check(Enum.IsDefined(canteen), "canteen", "must be SelfRun (自营食堂) or Caterer (承包/外包餐饮).")
            .Text("catererName", catererName, 100, required: canteen == CanteenOperation.Caterer)
            .Check(canteen != CanteenOperation.SelfRun || string.IsNullOrWhiteSpace(catererName), "catererName",
                "is only for a canteen run by a contracted caterer.")
            .ThrowIfInvalid();
        var rate = basisPoints ?? floor.BasisPoints;
        if (rate < floor.BasisPoints)
            throw new RuleViolationException("quota.rate-below-floor",
                $"The reserve rate {Percent(rate)} is below the floor of {Percent(floor.BasisPoints)} for {(floor.RegionPrefix.Length == 0 ? "the country" : $"region {floor.RegionPrefix}")}.",
                unprocessable: true);
        return rate;
    }

    private static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
