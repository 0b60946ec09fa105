using System.Globalization;
using System.Text.Json;
using AgriLink.Domain.Assemblies;
using AgriLink.Grains.Common;
using AgriLink.Storage;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using Dapper;

namespace AgriLink.Grains.Assemblies;

/// <summary>
/// An assembly's voters and online ballots as rows (<c>assembly_voters</c>, <c>assembly_ballots</c>): the rows its grain
/// writes with its state, and reading them back. A ballot is one row, so casting costs by the ballot, not by the meeting.
/// </summary>
public sealed class AssemblyRows(AgriLinkDatabase database)
{
    public static ProjectionWrite Voter(AssemblyKey key, string memberId) => ProjectionTables.AssemblyVoters.Upsert(key.ToString(), memberId);

    public static ProjectionWrite Row(AssemblyKey key, Ballot ballot) =>
        ProjectionTables.AssemblyBallots.Upsert(key.ToString(), ballot.MemberId, ballot.CastAt.ToString("O", CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(ballot, RowJson.Options));

    /// <summary>Whether the member may vote and its ballot so far, in one read: what a cast decides with.</summary>
    public async Task<(bool IsVoter, Ballot? Earlier)> VoterOf(AssemblyKey key, string memberId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleAsync<VoterRow>(
            "SELECT (SELECT COUNT(*) FROM assembly_voters WHERE assembly_id = @id AND member_id = @memberId) AS Voters, " +
            "(SELECT ballot FROM assembly_ballots WHERE assembly_id = @id AND member_id = @memberId) AS Ballot", new { id = key.ToString(), memberId });
        return (row.Voters > 0, row.Ballot is null ? null : Read(row.Ballot));
    }

    public async Task<Ballot?> BallotOf(AssemblyKey key, string memberId)
    {
        await using var connection = await database.OpenAsync();
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT ballot FROM assembly_ballots WHERE assembly_id = @id AND member_id = @memberId", new { id = key.ToString(), memberId });
        return json is null ? null : Read(json);
    }

    /// <summary>Every ballot of the assembly by member id: read once, for the count at the close and for its supervisors' audit.</summary>
    public async Task<IReadOnlyList<Ballot>> Ballots(AssemblyKey key)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT ballot FROM assembly_ballots WHERE assembly_id = @id ORDER BY member_id",
            new { id = key.ToString() })).Select(Read).ToList();
    }

    private sealed class VoterRow
    {
        public long Voters { get; set; }
        public string? Ballot { get; set; }
    }

    private static Ballot Read(string json) =>
        JsonSerializer.Deserialize<Ballot>(json, RowJson.Options) ?? throw new InvalidDataException("A ballot read as null.");
}
