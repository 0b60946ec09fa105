using System.Text.Encodings.Web;
using System.Text.Json;
using AgriLink.Domain.Matching;
using AgriLink.Grains.Projections;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Matching;

/// <summary>
/// A demand's row for its buyer's list, and while it is open its criteria for the matcher (<c>open_demands</c>), written
/// with every write of the demand (its notifications stay in the grain).
/// </summary>
internal sealed class DemandProjector : StateProjector<DemandState>
{
    public override string StateName => "demand";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Demands, ProjectionTables.OpenDemands];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, DemandState state)
    {
        if (state is not { Spec: { } spec, BuyerId: { } buyerId }) yield break;
        yield return ProjectionTables.Demands.Upsert(grainKey, buyerId, spec.Title, spec.Category?.ToString(), state.Status.ToString(),
            ColumnValues.Text(spec.Quantity), spec.Unit.ToString(), spec.DeliverBy, state.PostedAt, (long)state.Revision);
        yield return state.Status == DemandStatus.Open
            ? ProjectionTables.OpenDemands.Upsert(grainKey, buyerId, spec.Category?.ToString(), OpenDemandRows.Write(spec), (long)state.Revision)
            : ProjectionTables.OpenDemands.DeleteWhere("id", grainKey);
    }
}

/// <summary>
/// How an open demand's criteria are kept in its row: the spec as web JSON with its Chinese as written (a database column,
/// never HTML), read back whole.
/// </summary>
public static class OpenDemandRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DemandSpec spec) => JsonSerializer.Serialize(spec, Json);

    public static DemandSpec Read(string json) =>
        JsonSerializer.Deserialize<DemandSpec>(json, Json) ?? throw new InvalidDataException("An open demand's spec read as null.");
}
