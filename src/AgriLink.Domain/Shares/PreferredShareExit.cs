using AgriLink.Domain.Errors;
using AgriLink.Domain.Households;

namespace AgriLink.Domain.Shares;

/// <summary>
/// 谁贫困谁享受: a preferred share belongs to poverty, not to the household. When a household exits, each of
/// its preferred shares is converted to an ordinary share or reassigned to the households still
/// registered poor, as the charter says. With no poor household left to receive it, a reassignment falls
/// back to conversion, and the audit line says so.
/// </summary>
public static class PreferredShareExit
{
    /// <exception cref="RuleViolationException">The new status is not <see cref="PovertyStatus.Exited"/>.</exception>
    public static PreferredExitResult Apply(
        ShareRegister register,
        string householdId,
        PovertyStatus newStatus,
        PreferredExitPolicy policy,
        IReadOnlyList<string> registeredPoorHouseholdIds,
        DateOnly date,
        string actor,
        string culture = "zh-CN")
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(registeredPoorHouseholdIds);
        var zh = TextCulture.IsChinese(culture);
        new Validator()
            .Text("householdId", householdId, 40)
            .Check(Enum.IsDefined(policy), "policy", "is not a known preferred-share exit policy.")
            .ThrowIfInvalid();
        if (newStatus != PovertyStatus.Exited)
            throw new RuleViolationException("shares.not-exited",
                $"Household {householdId} is now {newStatus}; preferred shares change only when a household exits poverty.");

        var current = register.ApplyDueWithdrawals(date);
        var recipients = registeredPoorHouseholdIds.Where(id => id != householdId).ToArray();
        var reassign = policy == PreferredExitPolicy.ReassignToPoorHouseholds && recipients.Length > 0;
        var fallback = policy == PreferredExitPolicy.ReassignToPoorHouseholds && !reassign;
        var lines = new List<string>();

        foreach (var holding in current.HoldingsOf(householdId).Where(h => h.Preferred))
        {
            var head = zh
                ? $"{date:yyyy-MM-dd}：{householdId} 户已脱贫，优先股（股权证 {holding.CertificateNo}，{holding.Shares} 股）"
                : $"{date:yyyy-MM-dd}: household {householdId} has exited poverty; its preferred share (certificate {holding.CertificateNo}, {holding.Shares} shares)";
            if (reassign)
            {
                var reason = zh ? $"{head}按章程重新分配给建档立卡户。" : $"{head} is reassigned under the charter to registered-poor households.";
                current = current.ReassignPreferred(holding.HoldingId, recipients, date, actor, reason);
                var created = ((PreferredReassigned)current.Events[^1]).NewHoldings;
                var parts = string.Join(zh ? "、" : ", ", created.Select(h => zh ? $"{h.ShareholderId} {h.Shares} 股" : $"{h.ShareholderId} {h.Shares}"));
                lines.Add(zh
                    ? $"{head}按章程重新分配给 {created.Count} 户建档立卡户：{parts}。"
                    : $"{head} was reassigned under the charter to {created.Count} registered-poor households: {parts}.");
            }
            else
            {
                var line = (zh, fallback) switch
                {
                    (true, false) => $"{head}按章程转为普通股，仍归该户。",
                    (true, true) => $"{head}按章程应重新分配，但已没有建档立卡户可接收，转为普通股，仍归该户。",
                    (false, false) => $"{head} was converted under the charter to an ordinary share of the same household.",
                    (false, true) => $"{head} was to be reassigned under the charter, but no registered-poor household remains, so it was converted to an ordinary share of the same household.",
                };
                current = current.ConvertPreferred(holding.HoldingId, date, actor, line);
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
            lines.Add(zh
                ? $"{date:yyyy-MM-dd}：{householdId} 户已脱贫，没有优先股需要处理。"
                : $"{date:yyyy-MM-dd}: household {householdId} has exited poverty and holds no preferred shares.");
        // Includes any withdrawal that fell due before the date, so the caller persists every new event.
        return new(current, current.EventsAfter(register.LastSequence), lines);
    }
}
