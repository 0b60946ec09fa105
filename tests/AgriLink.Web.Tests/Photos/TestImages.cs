using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace AgriLink.Web.Tests.Photos;

/// <summary>Real and hostile image files, made here so every test says what is in its file.</summary>
public static class TestImages
{
    /// <summary>A picture with detail (so it does not compress to nothing), as JPEG, PNG or WebP.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, int seed = 1)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var random = new Random(seed);
        surface.Canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 200; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            surface.Canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(4, Math.Max(5, width / 6)), paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG of <paramref name="width"/> × <paramref name="height"/> stored pixels with an EXIF block (APP1) that says
    /// "rotate 90° clockwise to show" (orientation 6), names a camera and carries GPS coordinates (26.6°N, 104.8°E).
    /// </summary>
    public static byte[] JpegWithGpsExif(int width, int height)
    {
        var jpeg = Picture(width, height);
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)v, (byte)(v >> 8)]);
        void U32(long v) => tiff.AddRange([(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)]);
        // TIFF header, little-endian; IFD0 at 8 with 3 entries: Make, Orientation, GPS IFD pointer.
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4, makeAt = ifd0 + ifd0Size, gpsAt = makeAt + 16;
        U16(3);
        U16(0x010F); U16(2); U32(16); U32(makeAt);          // Make, ASCII, 16 bytes
        U16(0x0112); U16(3); U32(1); U16(6); U16(0);         // Orientation = 6
        U16(0x8825); U16(4); U32(1); U32(gpsAt);            // GPS IFD
        U32(0);
        tiff.AddRange(Encoding.ASCII.GetBytes("AgriLinkCamera\0\0"));
        // GPS IFD: LatitudeRef N, Latitude 26/1 36/1 0/1, LongitudeRef E, Longitude 104/1 48/1 0/1.
        const int gpsSize = 2 + 4 * 12 + 4, latAt = gpsAt + gpsSize, lonAt = latAt + 24;
        U16(4);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(latAt);
        U16(0x0003); U16(2); U32(2); tiff.AddRange("E\0\0\0"u8.ToArray());
        U16(0x0004); U16(5); U32(3); U32(lonAt);
        U32(0);
        foreach (var v in new long[] { 26, 1, 36, 1, 0, 1, 104, 1, 48, 1, 0, 1 }) U32(v);

        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Count;
        app1.AddRange([(byte)(length >> 8), (byte)length]);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        // Right after SOI (FF D8).
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// A small, valid PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels: decoding it
    /// whole would need width × height × 4 bytes of memory (a decompression bomb).
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2;   // 8-bit RGB
        Chunk(png, "IHDR", header);
        // The first rows of zeros (all that fits in a few bytes: zeros compress to almost nothing).
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(new byte[(width * 3 + 1) * 4]);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Truncated(byte[] file, double keep) => file[..(int)(file.Length * keep)];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>True when the bytes hold an EXIF block or anything from the test's EXIF (camera name, GPS reference).</summary>
    public static bool HasExif(byte[] file) =>
        file.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || file.AsSpan().IndexOf("AgriLinkCamera"u8) >= 0;
}
