using System.Text.RegularExpressions;
using AgriLink.Domain.Identifiers;
using Xunit;

namespace AgriLink.Domain.Tests.Identifiers;

public class IdsTests
{
    [Theory]
    [InlineData(Ids.Cooperative)]
    [InlineData(Ids.Enterprise)]
    [InlineData(Ids.Household)]
    [InlineData(Ids.VillageCollective)]
    [InlineData(Ids.Buyer)]
    [InlineData(Ids.Listing)]
    public void NewIdIsPrefixDashAndTenCrockfordCharacters(string prefix)
    {
        var id = Ids.New(prefix);
        Assert.Matches(new Regex($"^{prefix}-[0-9abcdefghjkmnpqrstvwxyz]{{10}}$"), id);
        Assert.True(Ids.IsValid(id, prefix));
    }

    [Fact]
    public void NewIdsDoNotRepeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Ids.New("lst")).ToHashSet();
        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("coop-meitan01")]
    [InlineData("coop-ab")]
    [InlineData("coop-abcdefghijklmnopqrstuvwxyz012345")]
    public void HandWrittenSeedIdsAreValid(string id) => Assert.True(Ids.IsValid(id, "coop"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("coop")]
    [InlineData("coop-")]
    [InlineData("coop-a")]
    [InlineData("coop-ABC123")]
    [InlineData("coop-abc-def")]
    [InlineData("coop_abc123")]
    [InlineData("coopx-abc123")]
    [InlineData("ent-abc123")]
    [InlineData("coop-abcdefghijklmnopqrstuvwxyz0123456")]
    public void OtherShapesAreInvalid(string? id) => Assert.False(Ids.IsValid(id, "coop"));

    [Theory]
    [InlineData("")]
    [InlineData("Coop")]
    [InlineData("co-op")]
    public void PrefixMustBeLowercaseLetters(string prefix) =>
        Assert.Throws<ArgumentException>(() => Ids.New(prefix));
}
