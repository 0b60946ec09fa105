using System.Buffers.Binary;

namespace AgriLink.Web.Printing;

/// <summary>
/// One face of a TrueType collection (.ttc) as a plain TrueType font: the face's table directory copied with each table's
/// offset moved to where its data lands in the new file (tables 4-byte aligned, as the format requires). A file that is not
/// a collection is returned as it is. The table checksums stay valid (the tables are unchanged); the font-wide checksum
/// adjustment in <c>head</c> is left as it was, which PDF readers do not check.
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] FirstFace(byte[] file) => Face(file, 0);

    public static byte[] Face(byte[] file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 12 || file[0] != 't' || file[1] != 't' || file[2] != 'c' || file[3] != 'f') return file;
        var faces = (int)U32(file, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, faces);
        var start = checked((int)U32(file, 12 + 4 * index));
        var tables = U16(file, start + 4);
        var header = 12 + 16 * tables;
        var size = header;
        for (var i = 0; i < tables; i++) size = checked(size + Aligned((int)U32(file, start + 12 + 16 * i + 12)));

        var font = new byte[size];
        Array.Copy(file, start, font, 0, header);
        var at = header;
        for (var i = 0; i < tables; i++)
        {
            var record = start + 12 + 16 * i;
            int offset = checked((int)U32(file, record + 8)), length = checked((int)U32(file, record + 12));
            Array.Copy(file, offset, font, at, length);
            W32(font, 12 + 16 * i + 8, (uint)at);
            at += Aligned(length);
        }
        return font;
    }

    private static int Aligned(int length) => (length + 3) & ~3;

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at, 4));

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at, 2));

    private static void W32(byte[] b, int at, uint value) => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at, 4), value);
}
