using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// What a distribution was computed from: the year's figures, the register's positions at year end and
/// the members' trade. The lines are not stored: the distributor is deterministic, so they are recomputed
/// from these on activation, and the inputs are the stronger record for an audit anyway.
/// </summary>
[GenerateSerializer, Alias("AgriLink.DividendInputsState")]
public sealed record DividendInputsState
{
    [Id(0)] public int Revision { get; init; }
    [Id(1)] public YearEndInputs? Inputs { get; init; }
    /// <summary>The charter the lines were computed under, so the lines can be projected from this state alone.</summary>
    [Id(2)] public Charter? Charter { get; init; }
}
