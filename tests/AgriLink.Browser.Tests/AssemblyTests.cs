using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A household votes from a 360 px phone during an online assembly, and its supervisor (the demo farmer's household is
/// 舍烹村's 监事) audits the ballots; the admin keeps a photo of a held meeting's signed sheet; anyone reads the notice board
/// without signing in.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class AssemblyTests(BrowserApp app)
{
    [Fact]
    public async Task AHouseholdVotesFromItsPhoneAndCanChangeItsVote()
    {
        var id = $"asm-phone-{Guid.NewGuid():N}";
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Assemblies.IAssemblyGrain>(new Grains.Assemblies.AssemblyKey("coop-pzcili", id).ToString())
            .Call(new Grains.Assemblies.CallAssembly("修建刺梨冷库专题成员大会", Domain.Assemblies.AssemblyMode.Online,
                [new Domain.Assemblies.ResolutionDraft(Domain.Assemblies.ResolutionSubject.Other, "修建刺梨冷库")], DateTimeOffset.UtcNow.AddDays(2)), "coop.panzhou");
        var (context, page) = await app.SignedIn("farmer.pz01", 360);

        await page.GotoAsync("/household/assemblies");
        var meeting = page.Locator($"section[data-assembly='coop-pzcili:{id}']");
        await meeting.GetByLabel("赞成").CheckAsync();
        await meeting.Locator($"#vote-{id}").ClickAsync();
        await page.WaitForURLAsync("**/household/assemblies?voted=**");
        await Assertions.Expect(meeting.Locator(".my-ballot")).ToContainTextAsync("修建刺梨冷库 赞成");

        await meeting.GetByLabel("反对").CheckAsync();
        await meeting.Locator($"#vote-{id}").ClickAsync();
        await Assertions.Expect(meeting.Locator(".my-ballot")).ToContainTextAsync("修建刺梨冷库 反对");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 360 px");
        await page.AssertAccessible("the household's assemblies");
        await page.Screenshot("household-assemblies");

        // The same household is the cooperative's supervisor: it audits who voted how.
        await meeting.Locator("a.audit-ballots").ClickAsync();
        await page.WaitForURLAsync($"**/household/ballots/coop-pzcili/{id}");
        var row = page.Locator("#ballots tr[data-member='hh-pz01']");
        await Assertions.Expect(row).ToContainTextAsync("反对");
        await Assertions.Expect(row.Locator("td.num")).ToHaveTextAsync("1");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the audit scrolls sideways at 360 px");
        await page.AssertAccessible("the supervisors' audit of ballots");
        await page.Screenshot("household-ballots-audit");
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheAdminKeepsAPhotoOfTheSignedSheetFromAPhone()
    {
        var id = $"asm-sheet-{Guid.NewGuid():N}"[..24];
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Assemblies.IAssemblyGrain>(new Grains.Assemblies.AssemblyKey("coop-pzcili", id).ToString())
            .Call(new Grains.Assemblies.CallAssembly("刺梨冷库现场会", Domain.Assemblies.AssemblyMode.Held,
                [new Domain.Assemblies.ResolutionDraft(Domain.Assemblies.ResolutionSubject.Other, "修建刺梨冷库")]), "coop.panzhou");
        var (context, page) = await app.SignedIn("coop.panzhou", 360);

        await page.GotoAsync($"/cooperative/assemblies/{id}?coop=coop-pzcili");
        await Assertions.Expect(page.Locator("#sheet-missing")).ToBeVisibleAsync();
        using (var pixels = new SkiaSharp.SKBitmap(900, 1200))
        {
            pixels.Erase(new SkiaSharp.SKColor(250, 248, 240));
            using var image = SkiaSharp.SKImage.FromBitmap(pixels);
            using var jpeg = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 85);
            await page.SetInputFilesAsync("#sheet-file", new FilePayload { Name = "签到表.jpg", MimeType = "image/jpeg", Buffer = jpeg.ToArray() });
        }
        await page.ClickAsync("#sheet-upload button[type=submit]");
        await page.WaitForURLAsync("**#sheet");

        await Assertions.Expect(page.Locator("#sheet-photos")).ToHaveAttributeAsync("data-photos", "1");
        await page.Locator("#sheet-photos img").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#sheet-photos img'); return i.complete && i.naturalWidth > 0; }");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 360 px");
        await page.AssertAccessible("the assembly with its sheet photo");
        await page.Screenshot("cooperative-assembly-sheet");
        await context.CloseAsync();
    }

    [Fact]
    public async Task AnyoneReadsTheNoticeBoardOnAPhoneWithoutSigningIn()
    {
        await using var context = await app.NewContext(360);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/board/coop-pzcili");

        Assert.Equal(200, response!.Status);
        Assert.Contains("公示栏", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("table.lines tbody tr").CountAsync() > 0);
        Assert.DoesNotContain("hh-pz", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the board scrolls sideways at 360 px");
        await page.AssertAccessible("the notice board");
        await page.Screenshot("notice-board");
    }
}
