namespace AgriLink.Domain.Codes;

/// <summary>A county-level division (县级行政区): county, autonomous county, county-level city or district.</summary>
/// <param name="Prefecture">The full name of the prefecture-level division it belongs to.</param>
/// <param name="DeepPoverty">One of the deep-poverty counties (深度贫困县) that matching and reports favour.</param>
[GenerateSerializer, Immutable, Alias("AgriLink.County")]
public sealed record County(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Prefecture,
    [property: Id(3)] bool DeepPoverty);
