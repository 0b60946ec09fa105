using AgriLink.Domain.Codes;
using AgriLink.Domain.Dividends;
using AgriLink.Grains.Dividends;
using AgriLink.Tests.Shared;

namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// The crash test's cooperative: <see cref="PublicisedCashDividend"/> with 12 traders, its declaration prepared by one
/// admin and approved by a second, publicised from 2026-01-05 to 2026-01-11, so that (on the real clock) it can be paid.
/// </summary>
public sealed class CrashCooperative(int members)
{
    public const string Id = "coop-crash";
    public const int FiscalYear = PublicisedCashDividend.FiscalYear;

    public static DateTimeOffset Anchor => PublicisedCashDividend.Anchor;

    public static CooperativeYear Year => new(Id, FiscalYear);

    private readonly PublicisedCashDividend _scenario = new(new(
            "盘州市普古乡崩溃恢复测试农民专业合作社", UnifiedSocialCreditCode.WithCheckCharacter("93" + "520281" + "MA6CR7XT2"), "520281", "舍烹村",
            "贵州省六盘水市盘州市普古乡舍烹村", "陶正华", "13985812341", PublicisedCashDividend.Founded, "崩溃恢复测试：两万名社员的现金股。"),
        Id, "cm", members, Traders: 12, Preparer: "coop.crash.preparer", Approver: "coop.crash.finance");

    public int Members => _scenario.Members;

    /// <summary>Registers and declares it; returns the declaration as publicised.</summary>
    public Task<DeclarationView> PrepareAsync(IGrainFactory grains) => _scenario.DeclareAsync(grains);
}
