using System.Numerics;

namespace AgriLink.Domain.Matching;

/// <summary>
/// Fills one large demand from several listings with the fewest suppliers (cooperatives). A set of listings can serve
/// the quantity Q exactly when the sum of their minimum orders is at most Q and the sum of what they have is at least Q.
/// Up to <see cref="ExactLimit"/> options every set is tried: fewest suppliers, then the highest mean score, then fewest
/// listings. Beyond that the best-stocked suppliers are taken greedily. Each chosen listing gets its minimum first, then
/// the remainder goes to the highest scores first. When nothing covers Q, the plan supplies as much as can be had with
/// the fewest suppliers and names the shortfall.
/// </summary>
public static class SplitPlanner
{
    public const int ExactLimit = 16;

    public static SplitPlan Propose(long required, IReadOnlyList<SplitOption> options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(required);
        var usable = options
            .Select(o => o with { Available = o.Available / o.Step * o.Step, MinOrder = CeilTo(Math.Max(o.MinOrder, o.Step), o.Step) })
            .Where(o => o.Step > 0 && o.Available > 0 && o.MinOrder <= o.Available && o.MinOrder <= required)
            .OrderByDescending(o => o.Score).ThenByDescending(o => o.Available).ThenBy(o => o.ListingId, StringComparer.Ordinal)
            .ToList();
        var chosen = usable.Count <= ExactLimit ? Exact(required, usable) : Greedy(required, usable);
        return Allocate(required, chosen);
    }

    private static List<SplitOption> Exact(long required, List<SplitOption> options)
    {
        var n = options.Count;
        var supplierBits = SupplierBits(options);
        var size = 1 << n;
        var min = new Int128[size];
        var available = new Int128[size];
        var score = new decimal[size];
        var suppliers = new int[size];
        int best = 0, bestPartial = 0;
        for (var mask = 1; mask < size; mask++)
        {
            var low = BitOperations.TrailingZeroCount(mask);
            var rest = mask & (mask - 1);
            min[mask] = min[rest] + options[low].MinOrder;
            available[mask] = available[rest] + options[low].Available;
            score[mask] = score[rest] + options[low].Score;
            suppliers[mask] = BitOperations.PopCount((ulong)SupplierMask(mask, supplierBits));
            if (min[mask] > required) continue;
            if (available[mask] >= required)
            {
                if (best == 0 || Better(mask, best)) best = mask;
            }
            else if (best == 0 && (bestPartial == 0 || available[mask] > available[bestPartial]
                         || (available[mask] == available[bestPartial] && Better(mask, bestPartial))))
            {
                bestPartial = mask;
            }
        }
        var pick = best != 0 ? best : bestPartial;
        return options.Where((_, i) => (pick & (1 << i)) != 0).ToList();

        bool Better(int a, int b)
        {
            if (suppliers[a] != suppliers[b]) return suppliers[a] < suppliers[b];
            // Mean scores compared without dividing: sa/na vs sb/nb.
            var (na, nb) = (BitOperations.PopCount((uint)a), BitOperations.PopCount((uint)b));
            var (sa, sb) = (score[a] * nb, score[b] * na);
            if (sa != sb) return sa > sb;
            return na < nb;
        }
    }

    /// <summary>Suppliers by total stock, best first; each adds its listings while their minimums still fit.</summary>
    private static List<SplitOption> Greedy(long required, List<SplitOption> options)
    {
        var chosen = new List<SplitOption>();
        Int128 min = 0, available = 0;
        foreach (var supplier in options.GroupBy(o => o.SupplierId, StringComparer.Ordinal)
                     .OrderByDescending(g => g.Aggregate(Int128.Zero, (sum, o) => sum + o.Available)).ThenByDescending(g => g.Max(o => o.Score)))
        {
            foreach (var option in supplier)
            {
                if (available >= required || min + option.MinOrder > required) continue;
                chosen.Add(option);
                min += option.MinOrder;
                available += option.Available;
            }
            if (available >= required) break;
        }
        return chosen;
    }

    private static SplitPlan Allocate(long required, List<SplitOption> chosen)
    {
        var quantities = chosen.Select(o => o.MinOrder).ToArray();
        var remaining = required - quantities.Sum();
        for (var i = 0; i < chosen.Count && remaining > 0; i++)
        {
            var add = Math.Min(CeilTo(remaining, chosen[i].Step), chosen[i].Available - quantities[i]);
            quantities[i] += add;
            remaining -= add;
        }
        var allocations = chosen.Select((o, i) => new SplitAllocation(o.ListingId, o.SupplierId, quantities[i])).ToList();
        var covered = quantities.Sum();
        return new(required, allocations, covered, Math.Max(0, required - covered));
    }

    private static long[] SupplierBits(List<SplitOption> options)
    {
        var index = options.Select(o => o.SupplierId).Distinct(StringComparer.Ordinal)
            .Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        return options.Select(o => 1L << index[o.SupplierId]).ToArray();
    }

    private static long SupplierMask(int mask, long[] bits)
    {
        long result = 0;
        for (var m = mask; m != 0; m &= m - 1) result |= bits[BitOperations.TrailingZeroCount(m)];
        return result;
    }

    private static long CeilTo(long value, long step) => (value + step - 1) / step * step;
}
