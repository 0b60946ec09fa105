using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>
/// Comparing a listing's unit with a demand's: masses convert (斤, 公斤, 吨 …), count units (箱, 只 …) only match themselves.
/// Quantities are also expressed in integer base units for splitting: milligrams for mass (one thousandth of a 斤 is 500 mg),
/// thousandths of the unit otherwise.
/// </summary>
public static class MatchUnits
{
    public static bool Comparable(Unit demand, Unit listing) =>
        demand == listing || (Units.IsMass(demand) && Units.IsMass(listing));

    /// <summary>An amount in the listing's unit expressed in the demand's unit (exact for masses up to decimal precision).</summary>
    public static decimal ToDemandUnit(decimal amount, Unit listing, Unit demand) =>
        listing == demand ? amount : amount * Units.GramsPer(listing) / Units.GramsPer(demand);

    /// <summary>A price per listing unit as fen per demand unit.</summary>
    public static decimal PricePerDemandUnit(long priceFen, Unit listing, Unit demand) =>
        listing == demand ? priceFen : priceFen * (decimal)Units.GramsPer(demand) / Units.GramsPer(listing);

    /// <summary>Base units per thousandth of <paramref name="unit"/> (see the type's remarks).</summary>
    public static long BasePerMilli(Unit unit) => Units.IsMass(unit) ? Units.GramsPer(unit) : 1;

    /// <summary>An amount of <paramref name="unit"/> (at most 3 decimals) in base units.</summary>
    public static long ToBase(decimal amount, Unit unit) => checked((long)(amount * 1000) * BasePerMilli(unit));

    /// <summary>Base units back to an amount of <paramref name="unit"/>; exact when the base is a multiple of its step.</summary>
    public static decimal FromBase(long amount, Unit unit) => amount / (decimal)BasePerMilli(unit) / 1000m;
}
