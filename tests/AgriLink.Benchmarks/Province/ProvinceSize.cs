namespace AgriLink.Benchmarks.Province;

/// <summary>
/// How much a generated province holds. Scale 1 is issue 14's province: 11,000 cooperatives, 1,000,000 member
/// households, 200,000 listings and 1,000,000 orders over a year.
/// </summary>
public sealed record ProvinceSize(double Scale, int Cooperatives, int Households, int Listings, int Orders)
{
    public static ProvinceSize At(double scale) => new(
        scale,
        Math.Max(1, (int)Math.Round(11_000 * scale)),
        Math.Max(1, (int)Math.Round(1_000_000 * scale)),
        Math.Max(1, (int)Math.Round(200_000 * scale)),
        Math.Max(1, (int)Math.Round(1_000_000 * scale)));

    public string Label => $"{Scale:0.####}× ({Cooperatives:N0} cooperatives, {Households:N0} households, {Listings:N0} listings, {Orders:N0} orders)";
}
