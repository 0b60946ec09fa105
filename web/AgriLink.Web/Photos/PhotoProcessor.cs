using System.Security.Cryptography;
using System.Text;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Photos;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace AgriLink.Web.Photos;

/// <summary>
/// Every upload is decoded and encoded again, never stored as sent: what is kept is pixels Skia drew, so no EXIF (GPS, camera,
/// owner) and nothing a crafted file smuggled survives. Refusals are 422 problems and nothing is stored.
/// </summary>
public sealed class PhotoProcessor(IOptions<PhotoOptions> options)
{
    private const int WebPQuality = 80, JpegQuality = 82;

    /// <summary>The longest side an upload may declare, whatever its pixel count.</summary>
    public const int MaxSide = 20_000;

    /// <summary>Decoding holds a whole bitmap in memory: at most one per core at a time.</summary>
    private static readonly SemaphoreSlim Gate = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// Processes an upload for one owner (<c>listing:{id}</c>, <c>cooperative:{id}</c>). The photo id hashes the owner with the
    /// bytes, so the same file on two listings gives two photos, and deleting one never takes the other's files.
    /// </summary>
    public async Task<ProcessedPhoto> ProcessAsync(byte[] upload, string owner, CancellationToken ct = default)
    {
        Check(upload.Length);
        await Gate.WaitAsync(ct);
        try
        {
            using var data = SKData.CreateCopy(upload);
            using var codec = SKCodec.Create(data) ?? throw new RuleViolationException("photo.not-an-image", "The file is not a JPEG, PNG or WebP image.", unprocessable: true);
            using var upright = Decode(codec);
            return Encode(IdOf(owner, upload), upright);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Draws a new photo from a picture (the demo's placeholders) through the same sizes and formats.</summary>
    public static ProcessedPhoto FromImage(SKImage image, string owner, ReadOnlySpan<byte> identity) =>
        Encode(IdOf(owner, identity), image);

    /// <summary>The most a photo upload's request may carry: the file and its multipart framing.</summary>
    public long MaxRequestBytes => options.Value.MaxBytes + 64 * 1024;

    public void Check(long length)
    {
        if (length == 0) throw new RuleViolationException("photo.not-an-image", "The file is empty.", unprocessable: true);
        if (length > options.Value.MaxBytes)
            throw new RuleViolationException("photo.too-large", $"A photo may be at most {options.Value.MaxBytes / (1024 * 1024)} MB.", unprocessable: true);
    }

    private SKImage Decode(SKCodec codec)
    {
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            throw new RuleViolationException("photo.unsupported-format", "Only JPEG, PNG and WebP photos are accepted.", unprocessable: true);

        // The header's declared size, read before a single pixel is decoded: a small file may declare a huge image.
        var declared = codec.Info;
        if (declared.Width <= 0 || declared.Height <= 0 || declared.Width > MaxSide || declared.Height > MaxSide
            || (long)declared.Width * declared.Height > options.Value.MaxPixels)
            throw new RuleViolationException("photo.too-many-pixels",
                $"The image declares {declared.Width} × {declared.Height} pixels; at most {options.Value.MaxPixels / 1_000_000} million are accepted.", unprocessable: true);

        // JPEG can decode straight to 1/2, 1/4 or 1/8 of its size: enough for the largest kept width, at a fraction of the memory.
        var swaps = Swaps(codec.EncodedOrigin);
        var uprightWidth = swaps ? declared.Height : declared.Width;
        var wanted = Math.Min(1f, (float)PhotoFormats.Page2X / uprightWidth);
        var scaled = codec.GetScaledDimensions(wanted);
        var size = (swaps ? scaled.Height : scaled.Width) >= Math.Min(PhotoFormats.Page2X, uprightWidth) ? scaled : declared.Size;

        using var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput)
            throw new RuleViolationException("photo.truncated", "The image is cut off or damaged; send the whole file again.", unprocessable: true);
        if (result != SKCodecResult.Success)
            throw new RuleViolationException("photo.not-an-image", "The image could not be decoded.", unprocessable: true);
        return Orient(bitmap, codec.EncodedOrigin);
    }

    private static bool Swaps(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Turns the pixels as the EXIF orientation says (Skia's own mapping, SkEncodedOriginToMatrix), so the EXIF can go.</summary>
    private static SKImage Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (w, h) = Swaps(origin) ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return surface.Snapshot();
    }

    /// <summary>Every kept width as WebP and as JPEG (on white: JPEG has no transparency, and both should look alike).</summary>
    private static ProcessedPhoto Encode(string id, SKImage upright)
    {
        var photo = new Photo(id, upright.Width, upright.Height);
        var files = new List<PhotoFile>();
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        foreach (var width in PhotoFormats.WidthsFor(upright.Width))
        {
            var height = PhotoFormats.HeightAt(photo, width);
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            surface.Canvas.Clear(SKColors.White);
            surface.Canvas.DrawImage(upright, new SKRect(0, 0, width, height), sampling);
            using var sized = surface.Snapshot();
            using var webp = sized.Encode(SKEncodedImageFormat.Webp, WebPQuality);
            using var jpeg = sized.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
            files.Add(new(PhotoFormats.Key(id, width, PhotoFormats.WebP), PhotoFormats.WebP, webp.ToArray()));
            files.Add(new(PhotoFormats.Key(id, width, PhotoFormats.Jpeg), PhotoFormats.Jpeg, jpeg.ToArray()));
        }
        return new ProcessedPhoto(photo, files);
    }

    private static string IdOf(string owner, ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(owner + "\n"));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Photo.IdLength];
    }
}
