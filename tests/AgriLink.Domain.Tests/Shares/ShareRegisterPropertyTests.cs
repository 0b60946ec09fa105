using AgriLink.Domain.Shares;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Shares;

/// <summary>Random histories of issues, transfers and withdrawals, built only from commands the register accepts.</summary>
public class ShareRegisterPropertyTests
{
    private static readonly string[] Holders = ["hh-a", "hh-b", "hh-c", "hh-d", "vc-1"];

    /// <summary>(kind, day gap, pick, amount): interpreted against the register as it stands.</summary>
    private static readonly Gen<(int Kind, int Gap, int Pick, long Amount)[]> Histories =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 90], Gen.Int[0, 1000], Gen.Long[1, 50]).Array[1, 30];

    private static (ShareRegister Register, DateOnly Date)[] Run((int Kind, int Gap, int Pick, long Amount)[] steps)
    {
        var register = ShareRegister.Empty("coop-p");
        var date = new DateOnly(2021, 1, 1);
        var snapshots = new List<(ShareRegister, DateOnly)>();
        for (var i = 0; i < steps.Length; i++)
        {
            var (kind, gap, pick, amount) = steps[i];
            date = date.AddDays(gap);
            register = register.ApplyDueWithdrawals(date);
            var holdings = register.Holdings;
            var pending = register.PendingWithdrawals.Select(p => p.ShareholderId).ToHashSet();
            if (kind == 0 || holdings.Count == 0)
            {
                var holder = Holders[pick % Holders.Length];
                var holderKind = holder.StartsWith("vc", StringComparison.Ordinal) ? ShareholderKind.VillageCollective : ShareholderKind.Household;
                var shareClass = (ShareClass)(pick % 8);
                var land = shareClass is ShareClass.LandRight or ShareClass.ForestRight
                    ? new LandParcel($"P{i}", amount * 500, date, date.AddYears(15))
                    : null;
                register = register.Issue(new Holding($"h{i}", holder, holderKind, shareClass, amount, amount * 1000, date, $"C{i}",
                    Land: land, FundId: shareClass is ShareClass.FiscalFund or ShareClass.LoanBacked ? "fund-1" : null), "admin", "issue");
            }
            else if (kind == 1 && holdings.FirstOrDefault(h => !h.IsSubsidyFormed && h.IssuedOn <= date) is { } source)
            {
                var to = Holders.Where(h => h != source.ShareholderId && !h.StartsWith("vc", StringComparison.Ordinal)).ElementAt(pick % 3);
                register = register.Transfer(new ShareTransfer(source.HoldingId, 1 + amount % source.Shares, to, ShareholderKind.Household, $"h{i}", $"C{i}"),
                    false, date, "admin", "transfer");
            }
            else if (kind == 2 && holdings.Select(h => h.ShareholderId).Distinct().FirstOrDefault(s => !pending.Contains(s)) is { } leaver)
            {
                register = register.NoticeWithdrawal(leaver, date, leaver, "leaving");
            }
            snapshots.Add((register, date));
        }
        return [.. snapshots];
    }

    [Fact]
    public void PositionsAtAPastDateEqualTheRegisterAsItThenStood() =>
        Histories.Sample(steps =>
        {
            var snapshots = Run(steps);
            var final = snapshots[^1].Register;
            for (var k = 0; k < snapshots.Length; k++)
            {
                // Several entries on one day: the register "at that date" is after the last of them.
                if (k + 1 < snapshots.Length && snapshots[k + 1].Date == snapshots[k].Date) continue;
                var (then, date) = snapshots[k];
                Assert.Equal(then.PositionsAt(date), final.PositionsAt(date));
            }
        });

    [Fact]
    public void ReplayOfAnyHistoryRebuildsTheRegister() =>
        Histories.Sample(steps =>
        {
            var register = Run(steps)[^1].Register;
            var replayed = ShareRegister.Replay("coop-p", 12, register.Events);
            Assert.Equal(register.Holdings, replayed.Holdings);
            Assert.Equal(register.PendingWithdrawals, replayed.PendingWithdrawals);
        });

    [Fact]
    public void TransfersNeverCreateOrDestroyShares() =>
        Histories.Sample(steps =>
        {
            var register = Run(steps)[^1].Register;
            var issued = register.Events.OfType<SharesIssued>().Sum(e => e.Holding.Shares);
            var withdrawn = register.Events.OfType<SharesWithdrawn>()
                .Sum(w => w.HoldingIds.Sum(id => SharesOf(register, id, w.Sequence)));
            Assert.Equal(issued - withdrawn, register.Holdings.Sum(h => h.Shares));
        });

    /// <summary>Shares a holding had just before an event, read back from the replayed prefix.</summary>
    private static long SharesOf(ShareRegister register, string holdingId, long beforeSequence) =>
        ShareRegister.Replay("coop-p", 12, register.Events.Take((int)beforeSequence - 1)).GetHolding(holdingId).Shares;
}
