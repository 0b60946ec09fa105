namespace AgriLink.Domain.AfterSales;

/// <summary>
/// Where an after-sales case (售后) stands: the buyer asked (Requested); the cooperative proposed another amount (Proposed)
/// or refused (Refused); the buyer took it to the operator (Escalated); an amount was agreed and the refund is under way
/// (Approved); the money went back (Refunded); or the operator decided that nothing is refunded (Closed).
/// </summary>
[GenerateSerializer, Alias("AgriLink.AfterSalesStatus")]
public enum AfterSalesStatus
{
    Requested = 0,
    Proposed = 1,
    Refused = 2,
    Escalated = 3,
    Approved = 4,
    Refunded = 5,
    Closed = 6,
}
