namespace AgriLink.Domain.Assemblies;

/// <summary>A member's online ballot: a choice per resolution, replaced whole when the member changes it before the close.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Ballot")]
public sealed record Ballot(
    [property: Id(0)] string MemberId,
    [property: Id(1)] IReadOnlyDictionary<string, VoteChoice> Choices,
    [property: Id(2)] DateTimeOffset CastAt,
    [property: Id(3)] int Changes = 0);
