using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Offtake;

/// <summary>
/// proposed → active (cooperative accepts) | declined (cooperative refuses) | terminated (enterprise withdraws);
/// active → completed (enterprise, once the window closed or the quantity is delivered) | terminated (either party).
/// </summary>
public static class OfftakeLifecycle
{
    public static OfftakeStatus Accept(OfftakeStatus from) =>
        from == OfftakeStatus.Proposed ? OfftakeStatus.Active : throw Illegal(from, "accept");

    public static OfftakeStatus Decline(OfftakeStatus from) =>
        from == OfftakeStatus.Proposed ? OfftakeStatus.Declined : throw Illegal(from, "decline");

    public static OfftakeStatus Complete(OfftakeStatus from, OfftakeTerms terms, decimal delivered, DateOnly today)
    {
        if (from != OfftakeStatus.Active) throw Illegal(from, "complete");
        if (today <= terms.DeliveryEnd && delivered < terms.Quantity)
            throw new RuleViolationException("offtake.window-open",
                $"The delivery window runs until {terms.DeliveryEnd:yyyy-MM-dd} and {terms.Quantity - delivered} remain to deliver; terminate it to end early.");
        return OfftakeStatus.Completed;
    }

    public static OfftakeStatus Terminate(OfftakeStatus from) =>
        from is OfftakeStatus.Proposed or OfftakeStatus.Active ? OfftakeStatus.Terminated : throw Illegal(from, "terminate");

    public static void CheckCanDeliver(OfftakeStatus from)
    {
        if (from != OfftakeStatus.Active) throw Illegal(from, "record a delivery on");
    }

    private static RuleViolationException Illegal(OfftakeStatus from, string verb) =>
        new("offtake.illegal-transition", $"Cannot {verb} a contract that is {from}.");
}
