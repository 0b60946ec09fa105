using AgriLink.Domain.AfterSales;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.AfterSales;

/// <summary>
/// A partial refund split over lines and producers to the fen: the parts sum to the refund, no producer gives back more
/// than the sale recorded for it, the certified part is what the certified lines give back, and applying the reversal
/// under its reference twice (a retry) takes it back once: member trade and quota are conserved.
/// </summary>
public sealed class RefundAllocationTests
{
    private static readonly Gen<RefundLine[]> Lines =
        Gen.Select(Gen.Long[0, 5_000_000], Gen.Int[0, 4], Gen.Bool)
            .Select((amount, producers, certified) => (amount, producers, certified))
            .Array[1, 6]
            .Select(ls => ls.Select((l, i) => new RefundLine(i + 1, l.amount, Enumerable.Range(0, l.producers).Select(p => $"hh-{(i + p) % 5}").ToList(), l.certified)).ToArray())
            .Where(ls => ls.Sum(l => l.AmountFen) > 0);

    private static readonly Gen<(RefundLine[] Lines, long Refund)> Cases =
        Lines.SelectMany(ls => Gen.Long[0, ls.Sum(l => l.AmountFen)].Select(r => (ls, r)));

    /// <summary>The sale's member trade as <c>OrderPostings.TradeRecords</c> records it: each line evenly over its producers.</summary>
    private static Dictionary<(int, string?), long> Sale(IReadOnlyList<RefundLine> lines) =>
        RefundAllocation.Split(lines, lines.Sum(l => l.AmountFen)).ToDictionary(p => (p.LineNo, p.ProducerId), p => p.AmountFen);

    [Fact]
    public void PartsSumToTheRefundAndNoProducerGivesBackMoreThanItWasCredited() =>
        Cases.Sample((lines, refund) =>
        {
            var parts = RefundAllocation.Split(lines, refund);
            Assert.Equal(refund, parts.Sum(p => p.AmountFen));
            var sale = Sale(lines);
            Assert.All(parts, p => Assert.InRange(p.AmountFen, 1, sale[(p.LineNo, p.ProducerId)]));
            Assert.Equal(lines.Sum(l => l.AmountFen), sale.Values.Sum());
        });

    [Fact]
    public void ARefundOfEverythingGivesBackExactlyWhatTheSaleCredited() =>
        Lines.Sample(lines =>
        {
            var sale = Sale(lines);
            var all = RefundAllocation.Split(lines, lines.Sum(l => l.AmountFen));
            Assert.Equal(sale, all.ToDictionary(p => (p.LineNo, p.ProducerId), p => p.AmountFen));
        });

    [Fact]
    public void TheCertifiedPartIsWhatCertifiedLinesGiveBackAndAtMostTheirSale() =>
        Cases.Sample((lines, refund) =>
        {
            var byLine = RefundAllocation.ByLine(lines, refund);
            var certified = RefundAllocation.Certified(lines, refund);
            Assert.Equal(lines.Select((l, i) => l.PovertyCertified ? byLine[i] : 0).Sum(), certified);
            Assert.InRange(certified, 0, lines.Where(l => l.PovertyCertified).Sum(l => l.AmountFen));
        });

    [Fact]
    public void MemberTradeAndQuotaAreConservedWhenTheReversalIsRetried() =>
        Gen.Select(Cases, Gen.Int[1, 4]).Sample((c, attempts) =>
        {
            var (lines, refund) = c;
            // A book keyed by reference, as the member-trade grain and the quota keep theirs: a replayed reference counts once.
            var book = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var ((line, producer), amount) in Sale(lines)) book[$"ord-1:{line}:{producer}"] = amount;
            var quota = RefundAllocation.Certified(lines, lines.Sum(l => l.AmountFen));
            var quotaRefs = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                foreach (var p in RefundAllocation.Split(lines, refund)) book.TryAdd($"ord-1:{p.LineNo}:{p.ProducerId}:aftersales", -p.AmountFen);
                if (quotaRefs.Add("ord-1:coop-a:aftersales")) quota -= RefundAllocation.Certified(lines, refund);
            }
            Assert.Equal(lines.Sum(l => l.AmountFen) - refund, book.Values.Sum());
            Assert.Equal(RefundAllocation.Certified(lines, lines.Sum(l => l.AmountFen)) - RefundAllocation.Certified(lines, refund), quota);
            Assert.True(quota >= 0);
        });
}
