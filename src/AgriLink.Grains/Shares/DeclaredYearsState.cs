namespace AgriLink.Grains.Shares;

/// <summary>Kept apart from the register's events so recording a declaration does not rewrite the whole history.</summary>
[GenerateSerializer, Alias("AgriLink.DeclaredYearsState")]
public sealed record DeclaredYearsState
{
    [Id(0)] public IReadOnlyList<int> Years { get; init; } = [];
}
