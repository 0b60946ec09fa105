using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Monitoring;

/// <summary>
/// A cadre's visit to a household (干部走访排查): the day, the notes, and whether it found a risk. A visit that finds one
/// is a discovery channel: it opens the household's case unless one is open already. No photo is kept (a later addition).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CadreVisit")]
public sealed record CadreVisit(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] DateOnly VisitedOn,
    [property: Id(2)] string Note,
    [property: Id(3)] bool FoundRisk)
{
    /// <summary>How far back a visit may be logged: a cadre writes up the month's visits, not last year's.</summary>
    public const int DaysBack = 90;

    /// <summary>The household and the day are required, the day neither ahead of today nor more than <see cref="DaysBack"/> days back; notes up to 1,000 characters, required when a risk was found.</summary>
    public void Validate(DateOnly today) =>
        new Validator()
            .Text("householdId", HouseholdId, 64)
            .Date("visitedOn", VisitedOn, today.AddDays(-DaysBack), today)
            .Text("note", Note, 1000, required: FoundRisk)
            .ThrowIfInvalid();
}
