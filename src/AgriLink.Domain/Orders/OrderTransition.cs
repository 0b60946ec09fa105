namespace AgriLink.Domain.Orders;

/// <summary>The sub-order after an action, and the statuses it passed through (for the history), in order.</summary>
public sealed record OrderTransition(SubOrderFlow Next, IReadOnlyList<string> Steps);
