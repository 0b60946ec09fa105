using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Alias("AgriLink.DividendLinesState")]
public sealed record DividendLinesState
{
    [Id(0)] public int Revision { get; init; }
    [Id(1)] public IReadOnlyList<DividendLine> Lines { get; init; } = [];
}
