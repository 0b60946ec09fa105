namespace AgriLink.Domain.Dividends;

[GenerateSerializer, Alias("AgriLink.ObjectionOutcome")]
public enum ObjectionOutcome
{
    /// <summary>The distribution stands.</summary>
    Dismissed = 0,
    /// <summary>The distribution must be corrected: the declaration returns to draft.</summary>
    Upheld = 1,
}
