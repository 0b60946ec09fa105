using System.Text.Json;
using AgriLink.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;

namespace AgriLink.Browser.Tests;

/// <summary>
/// A cooperative's admin adds photos to a listing from a 360 px phone with the plain upload form (no script needed), picks
/// the cover, deletes one, sees a refusal in words; buyers then see the photo on the listing page without a layout shift.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PhotoUploadTests(BrowserApp app)
{
    /// <summary>A photo with noise over its colour, so it weighs like a photo (hundreds of KB, over the 256 KB of a JSON body).</summary>
    private static byte[] Jpeg(int width, int height, byte red)
    {
        var pixels = new SKBitmap(width, height);
        var random = new Random(red);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            pixels.SetPixel(x, y, new SKColor((byte)(red ^ random.Next(64)), (byte)(160 ^ random.Next(64)), (byte)(60 ^ random.Next(64))));
        using (pixels)
        using (var image = SKImage.FromBitmap(pixels))
        using (var data = image.Encode(SKEncodedImageFormat.Jpeg, 95))
            return data.ToArray();
    }

    private static FilePayload File(string name, string type, byte[] bytes) => new() { Name = name, MimeType = type, Buffer = bytes };

    private static async Task Upload(IPage page, FilePayload file)
    {
        await page.SetInputFilesAsync("#photo-file", file);
        await page.ClickAsync("#photo-upload button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Fact]
    public async Task APhotoIsUploadedCoveredAndDeletedOnAPhone()
    {
        var (context, page) = await app.SignedIn("coop.panzhou", 360);
        var errors = page.CollectErrors();
        var created = await context.APIRequest.PostAsync("/api/cooperatives/coop-pzcili/listings", new APIRequestContextOptions
        {
            DataObject = new
            {
                title = "照片测试刺梨", category = "Fruit", unit = "Jin", priceFen = 650, stock = 100, minOrder = 5,
                countyCode = "520281", village = "舍烹村", shelfLifeDays = 20,
            },
        });
        Assert.Equal(201, created.Status);
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;

        await page.GotoAsync($"/cooperative/listings/{id}/edit");
        await Assertions.Expect(page.Locator("#photo-upload")).ToBeVisibleAsync();
        var large = Jpeg(1200, 900, 230);
        Assert.True(large.Length > 512 * 1024, $"the phone-sized photo is {large.Length} bytes, over twice the 256 KB body limit");
        await Upload(page, File("刺梨.jpg", "image/jpeg", large));
        // The API takes the same from a client on the real server (Kestrel's 256 KB limit for other bodies does not apply).
        var api = await context.APIRequest.PostAsync($"/api/listings/{id}/photos", new APIRequestContextOptions
        {
            Multipart = context.APIRequest.CreateFormData().Set("file", File("果园.jpg", "image/jpeg", Jpeg(900, 1200, 40))),
        });
        Assert.Equal(201, api.Status);
        await page.ReloadAsync();

        var photos = page.Locator(".photo-list li");
        await Assertions.Expect(photos).ToHaveCountAsync(2);
        var first = await photos.Nth(0).GetAttributeAsync("data-photo");
        var second = await photos.Nth(1).GetAttributeAsync("data-photo");
        var img = photos.Nth(1).Locator("img");
        Assert.Equal("160", await img.GetAttributeAsync("width"));
        Assert.Equal("213", await img.GetAttributeAsync("height"));   // 900 × 1200 shown 160 wide
        Assert.Equal("lazy", await img.GetAttributeAsync("loading"));
        Assert.Contains("照片测试刺梨", await img.GetAttributeAsync("alt"));
        await img.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(img).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the photo loaded");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the edit page is {overflow} px wider than 360 px");
        await page.AssertAccessible("the listing edit page with photos");
        await page.Screenshot("cooperative-listing-photos");

        // A text file named .jpg: refused in words, nothing added.
        await Upload(page, File("说明.jpg", "image/jpeg", "这不是照片"u8.ToArray()));
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("不是 JPEG、PNG 或 WebP 图片");
        await Assertions.Expect(page.Locator(".photo-list li")).ToHaveCountAsync(2);

        await photos.Nth(1).Locator("button", new LocatorLocatorOptions { HasText = "设为封面" }).ClickAsync();
        await Assertions.Expect(photos.Nth(0)).ToHaveAttributeAsync("data-photo", second!);
        await Assertions.Expect(photos.Nth(0)).ToContainTextAsync("封面");

        await photos.Nth(1).Locator("button", new LocatorLocatorOptions { HasText = "删除" }).ClickAsync();
        await Assertions.Expect(photos).ToHaveCountAsync(1);
        Assert.Equal(404, (await context.APIRequest.GetAsync($"/media/photos/{first}/320.jpg")).Status);

        // Published, the listing page shows the cover first, not lazy, with its place kept before it loads.
        Assert.Equal(200, (await context.APIRequest.PostAsync($"/api/listings/{id}/publish")).Status);
        await page.GotoAsync($"/market/listings/{id}");
        var cover = page.Locator(".gallery img").First;
        Assert.Equal("eager", await cover.GetAttributeAsync("loading"));
        Assert.NotNull(await cover.GetAttributeAsync("height"));
        await Assertions.Expect(cover).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal("image/webp", (await context.APIRequest.GetAsync(await cover.EvaluateAsync<string>("i => i.currentSrc"))).Headers["content-type"]);
        await page.AssertAccessible("the listing page with its photo");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await context.CloseAsync();
    }
}
