namespace AgriLink.Domain.Offtake;

[GenerateSerializer, Alias("AgriLink.OfftakeStatus")]
public enum OfftakeStatus
{
    /// <summary>Drafted and proposed by the enterprise, awaiting the cooperative.</summary>
    Proposed = 0,
    /// <summary>Accepted by the cooperative: deliveries are recorded in the window.</summary>
    Active = 1,
    /// <summary>Closed after the window (or once fully delivered); the settlement is final.</summary>
    Completed = 2,
    /// <summary>Ended early by either party; deliveries so far are still paid on the contract's terms.</summary>
    Terminated = 3,
    /// <summary>The cooperative refused the proposal.</summary>
    Declined = 4,
}
