using AgriLink.Browser.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>The page tour's check for code names on Chinese pages finds them, and only them.</summary>
public sealed class CodeNamesTests
{
    [Fact]
    public void CodeNamesAreFoundAsWholeWords() =>
        Assert.Equal(["Buyer", "Publicised", "CountyOfficer"], CodeNames.In("下单 · buyer.canteen (Buyer) · Publicised · CountyOfficer"));

    [Fact]
    public void WordsAndNamesAreNotCodeNames() =>
        Assert.Empty(CodeNames.In("2026-12-01 10:00 · 下单 · buyer.canteen（采购方）· 公示中 · 500ml×6瓶/箱 · AgriLink · OpenAPI"));
}
