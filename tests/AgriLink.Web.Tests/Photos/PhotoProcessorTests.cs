using AgriLink.Domain.Errors;
using AgriLink.Web.Photos;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

public sealed class PhotoProcessorTests
{
    private static readonly PhotoProcessor Processor = new(Options.Create(new PhotoOptions()));

    private static Task<ProcessedPhoto> Process(byte[] file) => Processor.ProcessAsync(file, "listing:lst-test", TestContext.Current.CancellationToken);

    private static async Task<string> RefusalOf(byte[] file)
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Process(file));
        Assert.True(refused.Unprocessable);
        return refused.Code;
    }

    [Fact]
    public async Task AJpegWithGpsExifIsTurnedUprightAndKeptWithoutItsExif()
    {
        var file = TestImages.JpegWithGpsExif(400, 200);
        Assert.True(TestImages.HasExif(file));

        var processed = await Process(file);

        // Orientation 6: 400 × 200 stored pixels show as 200 wide, 400 high.
        Assert.Equal((200, 400), (processed.Photo.Width, processed.Photo.Height));
        Assert.Equal(2, processed.Files.Count);   // one width (200: never upscaled), WebP and JPEG
        Assert.All(processed.Files, f => Assert.False(TestImages.HasExif(f.Content.ToArray()), $"{f.Key} still carries EXIF"));
        foreach (var f in processed.Files)
        {
            using var codec = SKCodec.Create(SKData.CreateCopy(f.Content.Span));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            Assert.Equal((200, 400), (codec.Info.Width, codec.Info.Height));
        }
    }

    [Fact]
    public async Task EveryKeptWidthIsEncodedAsWebPAndJpeg()
    {
        var processed = await Process(TestImages.Picture(2000, 1500, SKEncodedImageFormat.Png));

        Assert.Equal((2000, 1500), (processed.Photo.Width, processed.Photo.Height));
        Assert.Equal(
            new[] { "1600.jpg", "1600.webp", "320.jpg", "320.webp", "800.jpg", "800.webp" },
            processed.Files.Select(f => f.Key.Split('/')[^1]).Order(StringComparer.Ordinal));
        foreach (var f in processed.Files)
        {
            using var codec = SKCodec.Create(SKData.CreateCopy(f.Content.Span));
            var expected = f.ContentType == PhotoFormats.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg;
            Assert.Equal(expected, codec.EncodedFormat);
            Assert.Equal(int.Parse(f.Key.Split('/')[^1].Split('.')[0]), codec.Info.Width);
            Assert.Equal(PhotoFormats.HeightAt(processed.Photo, codec.Info.Width), codec.Info.Height);
        }
    }

    [Fact]
    public async Task TheSameFileGivesTheSameIdForOneOwnerAndAnotherForAnother()
    {
        var file = TestImages.Picture(300, 200, SKEncodedImageFormat.Webp);

        var first = await Process(file);
        var again = await Process(file);
        var elsewhere = await Processor.ProcessAsync(file, "listing:lst-other", TestContext.Current.CancellationToken);

        Assert.Equal(first.Photo, again.Photo);
        Assert.NotEqual(first.Photo.Id, elsewhere.Photo.Id);
        Assert.True(AgriLink.Domain.Photos.Photo.IsWellFormedId(first.Photo.Id));
    }

    [Fact]
    public async Task APngDeclaringAHugeSizeIsRefusedFromItsHeader()
    {
        var bomb = TestImages.PngDeclaring(19_000, 19_000);
        Assert.True(bomb.Length < 10_000, $"the bomb is {bomb.Length} bytes");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal("photo.too-many-pixels", await RefusalOf(bomb));
        // Refused from its header: nowhere near the 1.4 GB its pixels would take.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000);
    }

    [Fact]
    public async Task ATextFileNamedJpgIsNotAnImage() =>
        Assert.Equal("photo.not-an-image", await RefusalOf("这不是照片，只是一段文字。\nnot a photo\n"u8.ToArray()));

    [Fact]
    public async Task ATruncatedWebPIsRefused() =>
        Assert.Equal("photo.truncated", await RefusalOf(TestImages.Truncated(TestImages.Picture(800, 600, SKEncodedImageFormat.Webp), 0.6)));

    [Fact]
    public async Task ATruncatedJpegIsRefused() =>
        Assert.Equal("photo.truncated", await RefusalOf(TestImages.Truncated(TestImages.Picture(800, 600), 0.5)));

    [Fact]
    public async Task AFileOverTenMegabytesIsRefusedBeforeItIsDecoded()
    {
        var file = new byte[10 * 1024 * 1024 + 1];
        TestImages.Picture(100, 100).CopyTo(file, 0);

        Assert.Equal("photo.too-large", await RefusalOf(file));
    }

    [Fact]
    public async Task AGifIsNotAccepted()
    {
        // GIF89a, 1 × 1, a global colour table of two, one image: a real image, of a kind not taken.
        byte[] gif = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];
        Assert.Equal("photo.unsupported-format", await RefusalOf(gif));
    }
}
